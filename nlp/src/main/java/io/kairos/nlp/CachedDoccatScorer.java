package io.kairos.nlp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * Class probabilities of an OpenNLP document-categorizer model, computed as
 * {@code DocumentCategorizerME} does (sum of the parameters of every feature occurrence, softmax),
 * but with the character n-grams of each token summed once per distinct token and cached: a token's
 * character n-grams depend on the token alone, and they are most of the features of a
 * character-n-gram model. Word features are looked up by a hash of their names
 * ({@link HashedWordFeatures}) when the model's generators allow, else through the generators. The cache holds at
 * most {@link #MAX_CACHED_TOKENS} tokens and is emptied when full. Thread-safe: the model's
 * parameters are read only, the feature generators are stateless, and the cache is concurrent.
 */
final class CachedDoccatScorer implements TokenScorer {

  static final int MAX_CACHED_TOKENS = 50_000;
  private static final Map<String, Object> NO_EXTRA = Map.of();

  private final Map<String, Context> parameters;
  private final String[] outcomes;
  private final List<FeatureGenerator> wordFeatures = new ArrayList<>();
  private final CharNGramFeatureGenerator charNGrams;
  /** Word features by hash instead of by string; null when the model's generators need OpenNLP's own path. */
  private final HashedWordFeatures hashedWords;
  private final ConcurrentHashMap<String, double[]> tokenSums = new ConcurrentHashMap<>();

  @SuppressWarnings("unchecked")
  CachedDoccatScorer(DoccatModel model) {
    Object[] data = ((AbstractModel) model.getMaxentModel()).getDataStructures();
    this.parameters = (Map<String, Context>) data[1];
    this.outcomes = (String[]) data[2];
    CharNGramFeatureGenerator chars = null;
    for (FeatureGenerator g : model.getFactory().getFeatureGenerators()) {
      if (g instanceof CharNGramFeatureGenerator c) {
        chars = c;
      } else {
        wordFeatures.add(g);
      }
    }
    this.charNGrams = chars;
    this.hashedWords = HashedWordFeatures.of(wordFeatures, parameters);
  }

  /** Whether word features are looked up by hash ({@link HashedWordFeatures}). */
  boolean hashesWordFeatures() {
    return hashedWords != null;
  }

  @Override
  public String outcome(int index) {
    return outcomes[index];
  }

  @Override
  public int outcomes() {
    return outcomes.length;
  }

  @Override
  public double[] probabilities(String[] tokens) {
    double[] sums = new double[outcomes.length];
    if (hashedWords != null) {
      hashedWords.addTo(tokens, sums);
    } else {
      for (FeatureGenerator g : wordFeatures) {
        add(sums, g.extractFeatures(tokens, NO_EXTRA));
      }
    }
    if (charNGrams != null) {
      for (String token : tokens) {
        double[] t = tokenSums.get(token);
        if (t == null) {
          t = new double[outcomes.length];
          add(t, charNGrams.extractFeatures(new String[] {token}, NO_EXTRA));
          if (tokenSums.size() >= MAX_CACHED_TOKENS) {
            tokenSums.clear();
          }
          tokenSums.put(token, t);
        }
        for (int o = 0; o < sums.length; o++) {
          sums[o] += t[o];
        }
      }
    }
    return Softmax.inPlace(sums);
  }

  private void add(double[] sums, Collection<String> features) {
    for (String f : features) {
      Context c = parameters.get(f);
      if (c == null) {
        continue;
      }
      int[] os = c.getOutcomes();
      double[] ps = c.getParameters();
      for (int k = 0; k < os.length; k++) {
        sums[os[k]] += ps[k];
      }
    }
  }
}
