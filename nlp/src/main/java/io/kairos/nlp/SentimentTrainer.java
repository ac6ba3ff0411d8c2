package io.kairos.nlp;

import java.io.IOException;
import java.util.List;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains a maximum-entropy document categorizer (multinomial logistic regression) over normalized
 * tokens with word unigram and bigram features (trigrams optional), optionally character n-grams. Two OpenNLP trainers:
 * generalized iterative scaling ({@code MAXENT}, the default and the shipped models' trainer; the
 * feature cutoff is its only regularization), or L-BFGS with an L2 penalty ({@code MAXENT_QN}),
 * which was not better on average on our validation sets (docs/NLP.md). Either gives class
 * probabilities directly. A third kind, {@link #trainTfIdf}, weights the same features by TF-IDF and
 * trains them with L-BFGS and an L2 penalty ({@link TfIdfSentimentModel}).
 */
public final class SentimentTrainer {

  static {
    // Models with CharNGramFeatureGenerator name it in their manifest; OpenNLP instantiates only allowed packages.
    opennlp.tools.util.ext.ExtensionLoader.registerAllowedPackage("io.kairos.nlp");
  }

  /** OpenNLP trainer. */
  public enum Algorithm {
    /** Generalized iterative scaling, no penalty. */
    GIS("MAXENT"),
    /** L-BFGS with an L2 penalty. */
    QN("MAXENT_QN"),
    /** TF-IDF-weighted, unit-length feature blocks, L-BFGS with an L2 penalty ({@link #trainTfIdf}). */
    TFIDF("MAXENT_QN");

    final String openNlpName;

    Algorithm(String openNlpName) {
      this.openNlpName = openNlpName;
    }
  }

  /**
   * Training settings.
   *
   * @param charNGrams add character 2-5-grams of each token to the word unigrams and bigrams
   * @param l2 L2 penalty for {@link Algorithm#QN} (ignored by GIS)
   * @param wordTrigrams add word trigrams to the unigrams and bigrams (for Chinese, where each
   *     character is a token, these are character trigrams)
   * @param balanceClasses repeat each class's examples round(largest class / its size) times, so
   *     rare classes weigh about as much as common ones; probabilities then reflect a balanced mix
   */
  public record Settings(Algorithm algorithm, int iterations, int cutoff, boolean charNGrams, double l2,
      boolean wordTrigrams, boolean balanceClasses) {
    public Settings {
      if (iterations < 1 || cutoff < 0 || l2 < 0) {
        throw new IllegalArgumentException("iterations must be >= 1, cutoff and l2 >= 0");
      }
    }

    public static Settings defaults() {
      return new Settings(Algorithm.GIS, 100, 5, false, 0, false, false);
    }
  }

  private final TextNormalizer normalizer = new TextNormalizer();

  public DoccatModel train(String language, List<LabeledText> examples, Settings settings) throws IOException {
    if (settings.algorithm() == Algorithm.TFIDF) {
      throw new IllegalArgumentException("TF-IDF models are trained by trainTfIdf");
    }
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no training examples");
    }
    List<DocumentSample> samples = (settings.balanceClasses() ? balanced(examples) : examples).stream()
        .map(e -> new DocumentSample(e.label(), normalizer.tokens(e.text())))
        .filter(s -> s.getText().length > 0)
        .toList();
    TrainingParameters params = TrainingParameters.defaultParams();
    params.put(TrainingParameters.ALGORITHM_PARAM, settings.algorithm().openNlpName);
    params.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
    params.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
    params.put(TrainingParameters.THREADS_PARAM, 1);
    if (settings.algorithm() == Algorithm.QN) {
      params.put("L1Cost", 0.0);
      params.put("L2Cost", settings.l2());
    }
    // A model stores its generators by class name and rebuilds them with their no-argument
    // constructors, so each n-gram length is its own class (NGramFeatureGenerator() is bigrams).
    List<FeatureGenerator> features = new java.util.ArrayList<>(
        List.of(new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator()));
    if (settings.wordTrigrams()) {
      features.add(new WordTrigramFeatureGenerator());
    }
    if (settings.charNGrams()) {
      features.add(new CharNGramFeatureGenerator());
    }
    try (ObjectStream<DocumentSample> stream = ObjectStreamUtils.createObjectStream(samples)) {
      return DocumentCategorizerME.train(language, stream, params, new DoccatFactory(features.toArray(FeatureGenerator[]::new)));
    }
  }

  /**
   * Trains a {@link TfIdfSentimentModel}: word unigrams and bigrams (trigrams with
   * {@code wordTrigrams}) and, with {@code charNGrams}, each token's character 2-5-grams as a second
   * block; features in fewer than {@code cutoff} training texts are dropped (the cutoff is a minimum
   * document frequency here); L2 penalty {@code l2} on the summed log-likelihood, so 0.5 matches a
   * regularization strength C = 1 in the usual (1/2)|w|² + C·loss form.
   */
  public TfIdfSentimentModel trainTfIdf(String language, List<LabeledText> examples, Settings settings) {
    return fitTfIdf(language, examples, settings).model();
  }

  /** A trained TF-IDF model and the OpenNLP model its weights came from (tests compare their scores). */
  record TfIdfFit(TfIdfSentimentModel model, opennlp.tools.ml.model.MaxentModel openNlp) {}

  TfIdfFit fitTfIdf(String language, List<LabeledText> examples, Settings settings) {
    if (settings.algorithm() != Algorithm.TFIDF) {
      throw new IllegalArgumentException("trainTfIdf needs the TFIDF algorithm");
    }
    TfIdfFeatures features = new TfIdfFeatures(settings.wordTrigrams(), settings.charNGrams());
    List<LabeledText> texts = settings.balanceClasses() ? balanced(examples) : examples;
    List<String[]> tokens = new java.util.ArrayList<>(texts.size());
    List<String> labels = new java.util.ArrayList<>(texts.size());
    java.util.Map<String, Integer> documentFrequency = new java.util.HashMap<>();
    for (LabeledText t : texts) {
      String[] tok = normalizer.tokens(t.text());
      if (tok.length == 0) {
        continue;
      }
      tokens.add(tok);
      labels.add(t.label());
      java.util.Set<String> seen = new java.util.HashSet<>(features.words(tok));
      for (String token : tok) {
        seen.addAll(features.chars(token));
      }
      seen.forEach(f -> documentFrequency.merge(f, 1, Integer::sum));
    }
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException("no training examples with text");
    }
    String[] names = documentFrequency.entrySet().stream()
        .filter(e -> e.getValue() >= Math.max(1, settings.cutoff()))
        .map(java.util.Map.Entry::getKey).sorted().toArray(String[]::new);
    double n = tokens.size();
    float[] idf = new float[names.length];
    for (int f = 0; f < names.length; f++) {
      idf[f] = (float) (Math.log((1 + n) / (1 + documentFrequency.get(names[f]))) + 1);
    }
    documentFrequency.clear();
    // A model without weights gives the values the trainer sees, so training and scoring share one path.
    TfIdfSentimentModel unweighted = new TfIdfSentimentModel(language, features, new String[] {"a", "b"}, names, idf,
        new float[names.length * 2]);
    List<opennlp.tools.ml.model.Event> events = new java.util.ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      opennlp.tools.ml.model.Event event = unweighted.event(labels.get(i), tokens.get(i));
      if (event != null) {
        events.add(event);
      }
    }
    TrainingParameters params = TrainingParameters.defaultParams();
    params.put(TrainingParameters.ALGORITHM_PARAM, settings.algorithm().openNlpName);
    params.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
    params.put(TrainingParameters.CUTOFF_PARAM, 0);
    params.put(TrainingParameters.THREADS_PARAM, 1); // one thread: the same data gives the same model
    params.put("DataIndexer", "OnePassRealValue");
    params.put("L1Cost", 0.0);
    params.put("L2Cost", settings.l2());
    opennlp.tools.ml.model.MaxentModel trained;
    try (ObjectStream<opennlp.tools.ml.model.Event> stream = ObjectStreamUtils.createObjectStream(events)) {
      trained = opennlp.tools.ml.TrainerFactory.getEventTrainer(params, null).train(stream);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new TfIdfFit(TfIdfSentimentModel.weighted(language, features, names, idf, trained), trained);
  }

  /** Each class's examples repeated round(largest class size / class size) times, in input order. */
  static List<LabeledText> balanced(List<LabeledText> examples) {
    java.util.Map<String, Long> counts = examples.stream()
        .collect(java.util.stream.Collectors.groupingBy(LabeledText::label, java.util.stream.Collectors.counting()));
    long largest = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
    List<LabeledText> out = new java.util.ArrayList<>();
    for (LabeledText e : examples) {
      long copies = Math.max(1, Math.round((double) largest / counts.get(e.label())));
      for (long i = 0; i < copies; i++) {
        out.add(e);
      }
    }
    return out;
  }
}
