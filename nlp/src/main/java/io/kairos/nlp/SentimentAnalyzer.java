package io.kairos.nlp;

/** Scores the sentiment of a text. Implementations are thread-safe. */
public interface SentimentAnalyzer {

  /** Never throws for ordinary text; returns {@link Sentiment#unknown(String)} when it cannot judge. */
  Sentiment analyze(String text);

  /** A short identifier of the model (for metrics tags and provenance), e.g. {@code "sst2-en@2026-11-23"}. */
  String modelVersion();
}
