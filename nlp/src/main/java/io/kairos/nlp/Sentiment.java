package io.kairos.nlp;

import java.util.Map;

/**
 * The sentiment of one text.
 *
 * @param language ISO 639-1 code of the model that scored it, or {@code "unknown"}
 * @param label negative, neutral, positive, or {@code "unknown"} when no model applies
 * @param score P(positive) - P(negative), in [-1, 1]; 0 when unknown
 * @param probabilities class probabilities summing to 1; empty when unknown
 */
public record Sentiment(String language, String label, double score, Map<String, Double> probabilities) {

  public static final String UNKNOWN = "unknown";

  public Sentiment {
    probabilities = Map.copyOf(probabilities);
    if (score < -1.0 || score > 1.0 || Double.isNaN(score)) {
      throw new IllegalArgumentException("score must be in [-1, 1], got " + score);
    }
  }

  public static Sentiment unknown(String language) {
    return new Sentiment(language, UNKNOWN, 0.0, Map.of());
  }

  public boolean isKnown() {
    return !UNKNOWN.equals(label);
  }
}
