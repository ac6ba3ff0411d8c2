package io.kairos.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;

/**
 * Sentiment from an OpenNLP {@link DoccatModel}. {@link DocumentCategorizerME} is not
 * thread-safe, so each thread gets its own categorizer over the shared, immutable model.
 */
public final class OpenNlpSentimentAnalyzer implements SentimentAnalyzer {

  static {
    // Models with CharNGramFeatureGenerator name it in their manifest; OpenNLP instantiates only allowed packages.
    opennlp.tools.util.ext.ExtensionLoader.registerAllowedPackage("io.kairos.nlp");
  }

  /** File name of the serialized model inside a model directory. */
  public static final String MODEL_FILE = "sentiment.bin";

  private final DoccatModel model;
  private final String language;
  private final String version;
  private final TextNormalizer normalizer = new TextNormalizer();
  private final ThreadLocal<DocumentCategorizerME> categorizers;

  public OpenNlpSentimentAnalyzer(DoccatModel model, String version) {
    this.model = model;
    this.language = model.getLanguage();
    this.version = version;
    this.categorizers = ThreadLocal.withInitial(() -> new DocumentCategorizerME(this.model));
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
    DocumentCategorizerME categorizer = categorizers.get();
    double[] probs = categorizer.categorize(tokens);
    Map<String, Double> byLabel = new HashMap<>();
    int best = 0;
    for (int i = 0; i < probs.length; i++) {
      byLabel.put(categorizer.getCategory(i), probs[i]);
      if (probs[i] > probs[best]) {
        best = i;
      }
    }
    double score = byLabel.getOrDefault("positive", 0.0) - byLabel.getOrDefault("negative", 0.0);
    score = Math.max(-1.0, Math.min(1.0, score));
    return new Sentiment(language, categorizer.getCategory(best), score, byLabel);
  }

  @Override
  public String modelVersion() {
    return version;
  }

  public String language() {
    return language;
  }
}
