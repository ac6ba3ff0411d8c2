package io.kairos.engine.identity;

/**
 * One cleaned identifier. {@code valid} is false when an e-mail or phone number failed validation:
 * it is then kept as written (trimmed) and flagged, never dropped.
 */
public record Identifier(String type, String value, boolean valid) {

  /** The link key in the identity map, e.g. {@code email:ann@example.com}. */
  public String key() {
    return key(type, value);
  }

  public static String key(String type, String cleanValue) {
    return type + ":" + cleanValue;
  }
}
