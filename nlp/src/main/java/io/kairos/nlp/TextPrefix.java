package io.kairos.nlp;

/** Caps of long customer text, shared by detection and scoring. */
final class TextPrefix {

  private TextPrefix() {}

  /** The first {@code max} characters, never splitting a surrogate pair; "" for null. */
  static String of(String text, int max) {
    if (text == null) {
      return "";
    }
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }
}
