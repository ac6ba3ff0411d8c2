package io.kairos.nlp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multinomial logistic regression over TF-IDF-weighted features, trained by OpenNLP's L-BFGS
 * maximum-entropy trainer ({@link SentimentTrainer#trainTfIdf}). Each block of {@link TfIdfFeatures}
 * (word n-grams; character n-grams) is weighted term count × idf, where idf = ln((1 + n) / (1 + df)) + 1
 * over the n training texts, and scaled to unit length on its own; features the training texts did
 * not have are ignored. Scores are OpenNLP's {@code QNModel.eval} of those values (checked by
 * {@code TfIdfSentimentModelTest}), with each token's character n-grams resolved once and cached.
 * Thread-safe: the tables are read only, the scratch counter is per thread, the cache concurrent.
 */
public final class TfIdfSentimentModel implements TokenScorer {

  /** File name inside a model directory. */
  public static final String FILE = "sentiment-tfidf.bin";
  private static final String MAGIC = "kairos.TfIdfSentimentModel";
  private static final int VERSION = 1;
  private static final int MAX_OUTCOMES = 16;
  private static final int MAX_FEATURES = 20_000_000;
  private static final ThreadLocal<IntCounts> SCRATCH = ThreadLocal.withInitial(IntCounts::new);

  private final String language;
  private final TfIdfFeatures features;
  private final String[] outcomes;
  private final String[] names;
  private final Map<String, Integer> index;
  private final float[] idf;
  /** weights[feature * outcomes + outcome], OpenNLP's parameters rounded to float (the model's size halves, scores move by about 1e-7) */
  private final float[] weights;
  private final ConcurrentHashMap<String, int[]> tokenChars = new ConcurrentHashMap<>();

  TfIdfSentimentModel(String language, TfIdfFeatures features, String[] outcomes, String[] names, float[] idf,
      float[] weights) {
    if (names.length != idf.length || weights.length != (long) names.length * outcomes.length) {
      throw new IllegalArgumentException("feature, idf and weight tables differ in size");
    }
    this.language = language;
    this.features = features;
    this.outcomes = outcomes.clone();
    this.names = names;
    this.idf = idf;
    this.weights = weights;
    this.index = new HashMap<>(names.length * 2);
    for (int i = 0; i < names.length; i++) {
      if (index.put(names[i], i) != null) {
        throw new IllegalArgumentException("feature listed twice: " + names[i]);
      }
    }
  }

  /** The model with {@code trained}'s parameters: a feature it never saw gets zero weights. */
  static TfIdfSentimentModel weighted(String language, TfIdfFeatures features, String[] names, float[] idf,
      opennlp.tools.ml.model.MaxentModel trained) {
    int k = trained.getNumOutcomes();
    String[] outcomes = new String[k];
    for (int o = 0; o < k; o++) {
      outcomes[o] = trained.getOutcome(o);
    }
    @SuppressWarnings("unchecked")
    Map<String, opennlp.tools.ml.model.Context> parameters =
        (Map<String, opennlp.tools.ml.model.Context>) ((opennlp.tools.ml.model.AbstractModel) trained).getDataStructures()[1];
    float[] weights = new float[names.length * k];
    for (int f = 0; f < names.length; f++) {
      opennlp.tools.ml.model.Context c = parameters.get(names[f]);
      if (c == null) {
        continue;
      }
      int[] os = c.getOutcomes();
      double[] ps = c.getParameters();
      for (int j = 0; j < os.length; j++) {
        weights[f * k + os[j]] = (float) ps[j];
      }
    }
    return new TfIdfSentimentModel(language, features, outcomes, names, idf, weights);
  }

  public String language() {
    return language;
  }

  TfIdfFeatures features() {
    return features;
  }

  int featureCount() {
    return names.length;
  }

  String featureName(int id) {
    return names[id];
  }

  /** A feature's value for one text, as the trainer saw it. */
  interface ValueSink {
    void accept(int feature, double value);
  }

  /** Visits each known feature of the text once with its normalized TF-IDF value. */
  void values(String[] tokens, ValueSink sink) {
    IntCounts counts = SCRATCH.get();
    counts.clear();
    for (String name : features.words(tokens)) {
      Integer id = index.get(name);
      if (id != null) {
        counts.add(id);
      }
    }
    emit(counts, sink);
    if (features.charNGrams()) {
      counts.clear();
      for (String token : tokens) {
        for (int id : charIds(token)) {
          counts.add(id);
        }
      }
      emit(counts, sink);
    }
  }

  /**
   * The text as an OpenNLP training event: its known features by name with their values as floats (what the
   * trainer fits and {@code QNModel.eval} reads); null when the text has none.
   */
  opennlp.tools.ml.model.Event event(String label, String[] tokens) {
    java.util.List<String> context = new java.util.ArrayList<>();
    java.util.List<Float> values = new java.util.ArrayList<>();
    values(tokens, (feature, value) -> {
      context.add(names[feature]);
      values.add((float) value);
    });
    if (context.isEmpty()) {
      return null;
    }
    float[] v = new float[values.size()];
    for (int j = 0; j < v.length; j++) {
      v[j] = values.get(j);
    }
    return new opennlp.tools.ml.model.Event(label, context.toArray(String[]::new), v);
  }

  @Override
  public double[] probabilities(String[] tokens) {
    int k = outcomes.length;
    double[] sums = new double[k];
    values(tokens, (feature, value) -> {
      float v = (float) value; // OpenNLP trains and evaluates with float values
      for (int o = 0; o < k; o++) {
        sums[o] += v * (double) weights[feature * k + o];
      }
    });
    return Softmax.inPlace(sums);
  }

  @Override
  public String outcome(int i) {
    return outcomes[i];
  }

  @Override
  public int outcomes() {
    return outcomes.length;
  }

  private void emit(IntCounts counts, ValueSink sink) {
    double squares = 0;
    for (int n = 0; n < counts.size(); n++) {
      double x = counts.count(n) * (double) idf[counts.key(n)];
      squares += x * x;
    }
    if (squares == 0) {
      return;
    }
    double norm = Math.sqrt(squares);
    for (int n = 0; n < counts.size(); n++) {
      sink.accept(counts.key(n), counts.count(n) * (double) idf[counts.key(n)] / norm);
    }
  }

  private int[] charIds(String token) {
    int[] ids = tokenChars.get(token);
    if (ids == null) {
      java.util.Collection<String> grams = features.chars(token);
      int[] found = new int[grams.size()];
      int n = 0;
      for (String g : grams) {
        Integer id = index.get(g);
        if (id != null) {
          found[n++] = id;
        }
      }
      ids = java.util.Arrays.copyOf(found, n);
      if (tokenChars.size() >= CachedDoccatScorer.MAX_CACHED_TOKENS) {
        tokenChars.clear();
      }
      tokenChars.put(token, ids);
    }
    return ids;
  }

  /** Writes the model (gzip-compressed) to {@code file}. */
  public void write(Path file) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(raw), 1 << 16))) {
      out.writeUTF(MAGIC);
      out.writeInt(VERSION);
      out.writeUTF(language);
      out.writeBoolean(features.wordTrigrams());
      out.writeBoolean(features.charNGrams());
      out.writeInt(outcomes.length);
      for (String o : outcomes) {
        out.writeUTF(o);
      }
      out.writeInt(names.length);
      for (int f = 0; f < names.length; f++) {
        out.writeUTF(names[f]);
        out.writeFloat(idf[f]);
        for (int o = 0; o < outcomes.length; o++) {
          out.writeFloat(weights[f * outcomes.length + o]);
        }
      }
    }
  }

  /** Reads a model written by {@link #write}; a file of another kind, version or a damaged one fails with an IOException. */
  public static TfIdfSentimentModel read(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw), 1 << 16))) {
      if (!MAGIC.equals(in.readUTF())) {
        throw new IOException(file + " is not a TF-IDF sentiment model");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException(file + " has format version " + version + ", this build reads " + VERSION);
      }
      String language = in.readUTF();
      TfIdfFeatures features = new TfIdfFeatures(in.readBoolean(), in.readBoolean());
      int k = in.readInt();
      if (k < 2 || k > MAX_OUTCOMES) {
        throw new IOException(file + ": " + k + " outcomes");
      }
      String[] outcomes = new String[k];
      for (int o = 0; o < k; o++) {
        outcomes[o] = in.readUTF();
      }
      int n = in.readInt();
      if (n < 0 || n > MAX_FEATURES) {
        throw new IOException(file + ": " + n + " features");
      }
      String[] names = new String[n];
      float[] idf = new float[n];
      float[] weights = new float[n * k];
      for (int f = 0; f < n; f++) {
        names[f] = in.readUTF();
        idf[f] = in.readFloat();
        if (!(idf[f] >= 1)) {
          throw new IOException(file + ": idf " + idf[f] + " of " + names[f] + " is below 1");
        }
        for (int o = 0; o < k; o++) {
          weights[f * k + o] = in.readFloat();
        }
      }
      try {
        return new TfIdfSentimentModel(language, features, outcomes, names, idf, weights);
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ": " + e.getMessage(), e);
      }
    }
  }
}
