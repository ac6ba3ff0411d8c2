package io.kairos.nlp;

/**
 * The language of a text: an ISO 639-1 code (or the detector's ISO 639-3 code for languages
 * without one), or {@code "unknown"} when the text is too short or the detector is not confident.
 */
public record DetectedLanguage(String code, double confidence) {

  public static final String UNKNOWN = "unknown";

  public boolean isKnown() {
    return !UNKNOWN.equals(code);
  }
}
