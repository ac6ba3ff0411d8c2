package io.kairos.nlp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detects the language of a text and scores it with that language's model. When the detected
 * language has no model (or is unknown), the one model written in the text's script scores it, if
 * exactly one is ({@link ScriptFallback}: Cyrillic to Russian, Arabic script to Arabic); otherwise
 * the text gets "unknown" sentiment (with the detected language), never an error. Texts longer than {@link #MAX_CHARS} characters are scored on their first
 * {@link #MAX_CHARS} characters. Thread-safe.
 */
public final class MultilingualSentimentAnalyzer implements SentimentAnalyzer {

  public static final int MAX_CHARS = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(MultilingualSentimentAnalyzer.class);

  private final LanguageDetector detector;
  private final Map<String, SentimentAnalyzer> byLanguage;
  private final ScriptFallback scriptFallback;

  public MultilingualSentimentAnalyzer(LanguageDetector detector, Map<String, SentimentAnalyzer> byLanguage) {
    this.detector = detector;
    this.byLanguage = new TreeMap<>(byLanguage);
    this.scriptFallback = new ScriptFallback(this.byLanguage.keySet());
  }

  /** Loads the model in every {@code <root>/<lang>/} that has one; a directory that does not load is logged and skipped. */
  public static MultilingualSentimentAnalyzer load(Path root, LanguageDetector detector) throws IOException {
    Map<String, SentimentAnalyzer> models = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      throw new IOException("no sentiment model directory " + root);
    }
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        if (!OpenNlpSentimentAnalyzer.isModelDirectory(dir)) {
          continue;
        }
        try {
          models.put(dir.getFileName().toString(), OpenNlpSentimentAnalyzer.load(dir));
        } catch (IOException | RuntimeException e) {
          LOG.warn("sentiment model {} not loaded: {}", dir, e.getMessage());
        }
      }
    }
    return new MultilingualSentimentAnalyzer(detector, models);
  }

  @Override
  public Sentiment analyze(String text) {
    String capped = cap(text);
    String language = detector.detect(capped).code();
    if (!byLanguage.containsKey(language)) {
      String byScript = scriptFallback.languageFor(capped);
      if (byScript != null) {
        language = byScript;
      }
    }
    return analyze(capped, language);
  }

  /** Scores the text as the given language (ISO 639-1), skipping detection. */
  public Sentiment analyze(String text, String language) {
    SentimentAnalyzer model = byLanguage.get(language);
    if (model == null) {
      return Sentiment.unknown(language);
    }
    Sentiment s = model.analyze(cap(text));
    return new Sentiment(language, s.label(), s.score(), s.probabilities());
  }

  /** This analyzer with detection skipped: every text is scored as {@code language}. */
  public SentimentAnalyzer forLanguage(String language) {
    MultilingualSentimentAnalyzer self = this;
    return new SentimentAnalyzer() {
      @Override
      public Sentiment analyze(String text) {
        return self.analyze(text, language);
      }

      @Override
      public String modelVersion() {
        return self.modelVersion();
      }
    };
  }

  public java.util.Set<String> languages() {
    return byLanguage.keySet();
  }

  @Override
  public String modelVersion() {
    return "sentiment" + byLanguage.keySet();
  }

  static String cap(String text) {
    return TextPrefix.of(text, MAX_CHARS);
  }
}
