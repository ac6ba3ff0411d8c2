package io.kairos.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import opennlp.tools.doccat.DoccatModel;

/**
 * Sentiment from an OpenNLP {@link DoccatModel}, scored by {@link CachedDoccatScorer} (the same
 * probabilities as {@code DocumentCategorizerME}, with per-token character n-gram sums cached).
 * Thread-safe.
 */
public final class OpenNlpSentimentAnalyzer implements SentimentAnalyzer {

  static {
    // Models with CharNGramFeatureGenerator name it in their manifest; OpenNLP instantiates only allowed packages.
    opennlp.tools.util.ext.ExtensionLoader.registerAllowedPackage("io.kairos.nlp");
  }

  /** File name of the serialized model inside a model directory. */
  public static final String MODEL_FILE = "sentiment.bin";

  private final String language;
  private final String version;
  private final TextNormalizer normalizer = new TextNormalizer();
  private final CachedDoccatScorer scorer;

  public OpenNlpSentimentAnalyzer(DoccatModel model, String version) {
    this.language = model.getLanguage();
    this.version = version;
    this.scorer = new CachedDoccatScorer(model);
  }

  /** Loads {@value #MODEL_FILE} from a model directory; the version is the directory name. */
  public static OpenNlpSentimentAnalyzer load(Path modelDir) throws IOException {
    Path file = modelDir.resolve(MODEL_FILE);
    if (!Files.isRegularFile(file)) {
      throw new IOException("no sentiment model at " + file);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return new OpenNlpSentimentAnalyzer(new DoccatModel(in), modelDir.getFileName().toString());
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
