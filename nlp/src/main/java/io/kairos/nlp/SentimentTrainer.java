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
 * Trains a maximum-entropy document categorizer over normalized tokens with word unigram and
 * bigram features, optionally character n-grams. Maximum entropy (multinomial logistic regression) gives usable class probabilities
 * without a separate calibration step.
 */
public final class SentimentTrainer {

  static {
    // Models with CharNGramFeatureGenerator name it in their manifest; OpenNLP instantiates only allowed packages.
    opennlp.tools.util.ext.ExtensionLoader.registerAllowedPackage("io.kairos.nlp");
  }

  /**
   * Training settings.
   *
   * @param charNGrams add character 2-5-grams of each token to the word unigrams and bigrams
   */
  public record Settings(int iterations, int cutoff, boolean charNGrams) {
    public static Settings defaults() {
      return new Settings(100, 5, false);
    }
  }

  private final TextNormalizer normalizer = new TextNormalizer();

  public DoccatModel train(String language, List<LabeledText> examples, Settings settings) throws IOException {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no training examples");
    }
    List<DocumentSample> samples = examples.stream()
        .map(e -> new DocumentSample(e.label(), normalizer.tokens(e.text())))
        .filter(s -> s.getText().length > 0)
        .toList();
    TrainingParameters params = TrainingParameters.defaultParams();
    params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
    params.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
    params.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
    params.put(TrainingParameters.THREADS_PARAM, 1);
    FeatureGenerator[] features = settings.charNGrams()
        ? new FeatureGenerator[] {new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2), new CharNGramFeatureGenerator()}
        : new FeatureGenerator[] {new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)};
    try (ObjectStream<DocumentSample> stream = ObjectStreamUtils.createObjectStream(samples)) {
      return DocumentCategorizerME.train(language, stream, params, new DoccatFactory(features));
    }
  }
}
