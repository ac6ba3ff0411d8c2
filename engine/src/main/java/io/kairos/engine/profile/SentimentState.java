package io.kairos.engine.profile;

/**
 * Sentiment of what the person wrote: the last score and label, and an exponentially weighted
 * rolling average (weight {@link #ALPHA} on the newest text). {@code count == 0} means no text yet.
 */
public record SentimentState(double lastScore, String lastLabel, String lastLanguage, double average, long count, long lastAt) {

  public static final double ALPHA = 0.3;
  public static final SentimentState NONE = new SentimentState(0, null, null, 0, 0, 0);

  public SentimentState with(double score, String label, String language, long at) {
    double avg = count == 0 ? score : ALPHA * score + (1 - ALPHA) * average;
    return new SentimentState(score, label, language, avg, count + 1, at);
  }
}
