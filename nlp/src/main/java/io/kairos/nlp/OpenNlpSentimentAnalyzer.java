package io.kairos.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import opennlp.tools.doccat.DoccatModel;

/**
 * Sentiment from an OpenNLP-trained model: a {@link DoccatModel} ({@value #MODEL_FILE}), scored by
 * {@link CachedDoccatScorer} (the same probabilities as {@code DocumentCategorizerME}, with per-token
 * character n-gram sums cached), or a {@link TfIdfSentimentModel} ({@value TfIdfSentimentModel#FILE}).
 * Thread-safe.
 */
public final class OpenNlpSentimentAnalyzer implements SentimentAnalyzer {

  static {
    // Models with CharNGramFeatureGenerator name it in their manifest; OpenNLP instantiates only allowed packages.
    opennlp.tools.util.ext.ExtensionLoader.registerAllowedPackage("io.kairos.nlp");
  }

  /** File name of a serialized document-categorizer model inside a model directory. */
  public static final String MODEL_FILE = "sentiment.bin";

  private final String language;
  private final String version;
  private final TextNormalizer normalizer = new TextNormalizer();
  private final TokenScorer scorer;

  public OpenNlpSentimentAnalyzer(DoccatModel model, String version) {
    this(model.getLanguage(), new CachedDoccatScorer(model), version);
  }

  public OpenNlpSentimentAnalyzer(TfIdfSentimentModel model, String version) {
    this(model.language(), model, version);
  }

  private OpenNlpSentimentAnalyzer(String language, TokenScorer scorer, String version) {
    this.language = language;
    this.scorer = scorer;
    this.version = version;
  }

  /** Whether the directory holds a model of either kind. */
  public static boolean isModelDirectory(Path dir) {
    return Files.isRegularFile(dir.resolve(MODEL_FILE)) || Files.isRegularFile(dir.resolve(TfIdfSentimentModel.FILE));
  }

  /**
   * Loads the model in a model directory, {@value #MODEL_FILE} or {@value TfIdfSentimentModel#FILE}
   * (a directory with both is refused as ambiguous); the version is the directory name.
   */
  public static OpenNlpSentimentAnalyzer load(Path modelDir) throws IOException {
    Path doccat = modelDir.resolve(MODEL_FILE);
    Path tfidf = modelDir.resolve(TfIdfSentimentModel.FILE);
    String version = modelDir.getFileName().toString();
    boolean hasDoccat = Files.isRegularFile(doccat);
    boolean hasTfIdf = Files.isRegularFile(tfidf);
    if (hasDoccat && hasTfIdf) {
      throw new IOException(modelDir + " holds two sentiment models (" + MODEL_FILE + " and "
          + TfIdfSentimentModel.FILE + "); keep one");
    }
    if (hasTfIdf) {
      return new OpenNlpSentimentAnalyzer(TfIdfSentimentModel.read(tfidf), version);
    }
    if (!hasDoccat) {
      throw new IOException("no sentiment model at " + doccat + " or " + tfidf);
    }
    try (InputStream in = Files.newInputStream(doccat)) {
      return new OpenNlpSentimentAnalyzer(new DoccatModel(in), version);
    }
  }

  @Override
  public Sentiment analyze(String text) {
    String[] tokens = normalizer.tokens(text);
    if (tokens.length == 0) {
      return Sentiment.unknown(language);
    }
    double[] probs = scorer.probabilities(tokens);
    Map<String, Double> byLabel = new HashMap<>();
    int best = 0;
    for (int i = 0; i < probs.length; i++) {
      byLabel.put(scorer.outcome(i), probs[i]);
      if (probs[i] > probs[best]) {
        best = i;
      }
    }
    double score = byLabel.getOrDefault("positive", 0.0) - byLabel.getOrDefault("negative", 0.0);
    score = Math.max(-1.0, Math.min(1.0, score));
    return new Sentiment(language, scorer.outcome(best), score, byLabel);
  }

  @Override
  public String modelVersion() {
    return version;
  }

  public String language() {
    return language;
  }
}
