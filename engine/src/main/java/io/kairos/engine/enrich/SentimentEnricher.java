package io.kairos.engine.enrich;

import io.kairos.engine.metrics.KairosMetrics;
import io.kairos.nlp.MultilingualSentimentAnalyzer;
import io.kairos.nlp.OpenNlpLanguageDetector;
import io.kairos.nlp.Sentiment;
import io.kairos.nlp.SentimentAnalyzer;
import io.micrometer.core.instrument.Counter;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores event text in its detected language; a missing language model or a failing model yields
 * "unknown" sentiment, never an error. Blocking.
 */
public final class SentimentEnricher {

  private static final Logger LOG = LoggerFactory.getLogger(SentimentEnricher.class);

  private final SentimentAnalyzer analyzer;
  private final KairosMetrics metrics;
  private final Counter failures;

  public SentimentEnricher(SentimentAnalyzer analyzer, KairosMetrics metrics) {
    this.analyzer = analyzer;
    this.metrics = metrics;
    this.failures = metrics.counter("kairos.enrich.failures", "step", "sentiment");
  }

  /** Loads the model directory; logs and returns an enricher without a model when it cannot. */
  public static SentimentEnricher load(Path modelDir, KairosMetrics metrics) {
    if (modelDir == null) {
      return new SentimentEnricher(null, metrics);
    }
    try {
      SentimentAnalyzer analyzer = MultilingualSentimentAnalyzer.load(modelDir, OpenNlpLanguageDetector.fromClasspath());
      LOG.info("sentiment models loaded: {}", analyzer.modelVersion());
      return new SentimentEnricher(analyzer, metrics);
    } catch (Exception e) {
      LOG.warn("no sentiment model ({}); text gets unknown sentiment", e.getMessage());
      return new SentimentEnricher(null, metrics);
    }
  }

  public Sentiment analyze(String text) {
    if (analyzer == null) {
      return Sentiment.unknown(Sentiment.UNKNOWN);
    }
    long start = System.nanoTime();
    try {
      return analyzer.analyze(text);
    } catch (RuntimeException e) {
      failures.increment();
      LOG.warn("sentiment failed: {}", e.toString());
      return Sentiment.unknown(Sentiment.UNKNOWN);
    } finally {
      metrics.stage(KairosMetrics.Stage.SENTIMENT).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }

  public boolean isLoaded() {
    return analyzer != null;
  }

  public String modelVersion() {
    return analyzer == null ? null : analyzer.modelVersion();
  }
}
