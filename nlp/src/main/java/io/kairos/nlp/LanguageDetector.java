package io.kairos.nlp;

/** Identifies the language of a text. Implementations are thread-safe and never throw for any string. */
public interface LanguageDetector {
  DetectedLanguage detect(String text);
}
