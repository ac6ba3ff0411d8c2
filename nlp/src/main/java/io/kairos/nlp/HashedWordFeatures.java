package io.kairos.nlp;

import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.model.Context;

/**
 * A model's word features ({@code bow=a}, {@code ng=:a:b}, {@code ng=:a:b:c}) looked up by a 64-bit
 * polynomial hash of the feature name, computed from per-token hashes without building the name.
 * OpenNLP builds one string per feature and hashes it, which dominates scoring long Chinese texts
 * (one token per character, so about three features per character with trigrams).
 *
 * <p>Built only when every word generator is one whose output it reproduces (checked on a probe
 * text, so a generator with other settings falls back to OpenNLP's strings), none appears twice, and
 * no two of the model's feature names share a hash. A text feature that is not in the model could
 * still share a hash with one that is (a chance of about model features / 2^64 per lookup, more for
 * crafted text): the cost would be one wrong weight in one score, never an error.
 */
final class HashedWordFeatures {

  private static final long P = 0x100000001B3L; // FNV-1 64-bit prime as the polynomial base
  private static final long BOW = hash("bow=");
  private static final long NG = hash("ng=");
  private static final String[] PROBE = {"a", "b", "c"};

  private final LongIntMap index;
  private final int[][] outcomes;
  private final double[][] weights;
  private final boolean bigrams;
  private final boolean trigrams;

  private HashedWordFeatures(LongIntMap index, int[][] outcomes, double[][] weights, boolean bigrams, boolean trigrams) {
    this.index = index;
    this.outcomes = outcomes;
    this.weights = weights;
    this.bigrams = bigrams;
    this.trigrams = trigrams;
  }

  /** The hashed form of these word generators over these parameters, or null when it cannot reproduce them. */
  static HashedWordFeatures of(List<FeatureGenerator> generators, Map<String, Context> parameters) {
    boolean bow = false;
    boolean bigrams = false;
    boolean trigrams = false;
    for (FeatureGenerator g : generators) {
      List<String> probe = List.copyOf(g.extractFeatures(PROBE, Map.of()));
      if (!bow && g instanceof BagOfWordsFeatureGenerator && probe.equals(List.of("bow=a", "bow=b", "bow=c"))) {
        bow = true;
      } else if (!bigrams && probe.equals(List.of("ng=:a:b", "ng=:b:c"))) {
        bigrams = true;
      } else if (!trigrams && probe.equals(List.of("ng=:a:b:c"))) {
        trigrams = true;
      } else { // unknown, or a second generator of a kind: OpenNLP would count its features twice
        return null;
      }
    }
    if (!bow) {
      return null;
    }
    LongIntMap index = new LongIntMap(parameters.size());
    int[][] outcomes = new int[parameters.size()][];
    double[][] weights = new double[parameters.size()][];
    int i = 0;
    for (Map.Entry<String, Context> e : parameters.entrySet()) {
      long key = nonZero(hash(e.getKey()));
      if (index.get(key) >= 0) {
        return null; // two feature names share a hash: use the strings
      }
      index.put(key, i);
      outcomes[i] = e.getValue().getOutcomes();
      weights[i] = e.getValue().getParameters();
      i++;
    }
    return new HashedWordFeatures(index, outcomes, weights, bigrams, trigrams);
  }

  /** Adds the weights of every word feature of {@code tokens} to {@code sums}, as OpenNLP's generators would. */
  void addTo(String[] tokens, double[] sums) {
    int n = tokens.length;
    long[] h = new long[n];
    long[] pow = new long[n];
    for (int t = 0; t < n; t++) {
      String token = tokens[t];
      long hash = 0;
      long p = 1;
      for (int c = 0; c < token.length(); c++) {
        hash = hash * P + token.charAt(c);
        p *= P;
      }
      h[t] = hash;
      pow[t] = p;
      add(BOW * p + hash, sums);
    }
    for (int t = 0; t + 1 < n && bigrams; t++) {
      add(append(append(NG, h[t], pow[t]), h[t + 1], pow[t + 1]), sums);
    }
    for (int t = 0; t + 2 < n && trigrams; t++) {
      add(append(append(append(NG, h[t], pow[t]), h[t + 1], pow[t + 1]), h[t + 2], pow[t + 2]), sums);
    }
  }

  /** hash(prefix + ":" + token) from hash(prefix), hash(token) and P^length(token). */
  private static long append(long prefix, long token, long tokenPow) {
    return (prefix * P + ':') * tokenPow + token;
  }

  private void add(long hash, double[] sums) {
    int i = index.get(nonZero(hash));
    if (i < 0) {
      return;
    }
    int[] os = outcomes[i];
    double[] ws = weights[i];
    for (int k = 0; k < os.length; k++) {
      sums[os[k]] += ws[k];
    }
  }

  static long hash(String s) {
    long hash = 0;
    for (int c = 0; c < s.length(); c++) {
      hash = hash * P + s.charAt(c);
    }
    return hash;
  }

  private static long nonZero(long hash) {
    return hash == 0 ? 1 : hash;
  }
}
