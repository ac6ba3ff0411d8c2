package io.kairos.engine.decide;

import io.kairos.engine.learn.OfferModel;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The policy's draw for one decision and the probability it had of choosing each eligible offer.
 * With probability {@code controlShare} the offers are ranked in random order (the control
 * group); otherwise each offer's acceptance P is drawn from its posterior (Thompson sampling) or,
 * without exploration, taken at the posterior mean, and offers rank by P × multiplier (value ×
 * weight). Arbitration then keeps the best up to the limit. The probabilities are estimated by
 * repeating the draw {@code draws} times (plus the real one), as the Open Bandit Dataset's
 * Thompson-sampling propensities were; they are what off-policy evaluation divides by. Pure
 * apart from the random source.
 */
final class ThompsonChoice {

  /** One eligible offer: its posterior logit (offset included) and what an acceptance is worth. */
  record Candidate(Offer offer, double logitMean, double logitSd, double multiplier) {}

  /**
   * The outcome of one draw.
   *
   * @param policy {@code thompson}, {@code greedy} or {@code control}
   * @param acceptance the P each candidate was ranked with (sampled, mean, or the mean for control)
   * @param order candidate indexes, best first, before arbitration
   * @param probability estimated probability each candidate ends up among the chosen
   * @param firstProbability estimated probability each candidate is ranked first among the chosen
   */
  record Result(String policy, double[] acceptance, int[] order, double[] probability, double[] firstProbability) {}

  private ThompsonChoice() {}

  static Result draw(Candidate[] c, int limit, boolean explore, double controlShare, int draws, RandomGenerator random) {
    int n = c.length;
    Offer[] offers = new Offer[n];
    for (int i = 0; i < n; i++) {
      offers[i] = c[i].offer();
    }
    double[] score = new double[n];
    double[] acceptance = new double[n];
    String policy;
    int[] order;
    if (random.nextDouble() < controlShare) {
      policy = "control";
      for (int i = 0; i < n; i++) {
        acceptance[i] = OfferModel.sigmoid(c[i].logitMean());
      }
      order = shuffled(n, random);
    } else {
      policy = explore ? "thompson" : "greedy";
      for (int i = 0; i < n; i++) {
        acceptance[i] = explore ? OfferModel.sigmoid(c[i].logitMean() + c[i].logitSd() * random.nextGaussian())
            : OfferModel.sigmoid(c[i].logitMean());
        score[i] = acceptance[i] * c[i].multiplier();
      }
      order = rank(score);
    }
    double[] probability = new double[n];
    double[] first = new double[n];
    if (n == 0) {
      return new Result(policy, acceptance, order, probability, first);
    }
    boolean constrained = Arbitration.constrained(offers);
    int[] chosen = new int[Math.min(limit, n)];
    TopRanks top = new TopRanks(n, Math.min(n, constrained ? 4 * limit : limit));
    double[] mainIn = new double[n];
    double[] mainFirst = new double[n];
    if (explore) {
      int runs = draws;
      for (int d = 0; d < draws; d++) {
        for (int i = 0; i < n; i++) {
          score[i] = OfferModel.sigmoid(c[i].logitMean() + c[i].logitSd() * random.nextGaussian()) * c[i].multiplier();
        }
        countTop(top, score, offers, limit, chosen, mainIn, mainFirst);
      }
      if (policy.equals("thompson")) {
        count(order, offers, limit, chosen, mainIn, mainFirst);
        runs++;
      }
      scale(mainIn, mainFirst, runs);
    } else {
      for (int i = 0; i < n; i++) {
        score[i] = OfferModel.sigmoid(c[i].logitMean()) * c[i].multiplier();
      }
      count(rank(score), offers, limit, chosen, mainIn, mainFirst);
    }
    double[] controlIn = new double[n];
    double[] controlFirst = new double[n];
    if (controlShare > 0) {
      if (!constrained) {
        Arrays.fill(controlIn, Math.min(limit, n) / (double) n);
        Arrays.fill(controlFirst, 1.0 / n);
      } else {
        int runs = draws;
        int[] permutation = new int[n];
        int prefix = Math.min(n, 4 * limit);
        for (int d = 0; d < draws; d++) {
          countShuffled(permutation, prefix, random, offers, limit, chosen, controlIn, controlFirst);
        }
        if (policy.equals("control")) {
          count(order, offers, limit, chosen, controlIn, controlFirst);
          runs++;
        }
        scale(controlIn, controlFirst, runs);
      }
    }
    for (int i = 0; i < n; i++) {
      probability[i] = controlShare * controlIn[i] + (1 - controlShare) * mainIn[i];
      first[i] = controlShare * controlFirst[i] + (1 - controlShare) * mainFirst[i];
    }
    return new Result(policy, acceptance, order, probability, first);
  }

  /**
   * Counts one simulated draw from its best few offers only: arbitration stops once the limit is
   * chosen, so when the prefix fills it the full ranking would choose the same; otherwise it falls
   * back to ranking everything.
   */
  private static void countTop(TopRanks top, double[] score, Offer[] offers, int limit, int[] chosen, double[] in, double[] first) {
    int m = top.select(score);
    int k = Arbitration.chooseIndexes(top.order(), m, offers, limit, chosen);
    if (k < chosen.length && m < score.length) {
      k = Arbitration.chooseIndexes(rank(score), score.length, offers, limit, chosen);
    }
    tally(chosen, k, in, first);
  }

  /**
   * Counts one random order (the control group's), shuffling only as far as arbitration reads: a
   * uniformly random prefix, completed to a whole permutation only when the prefix does not fill the
   * limit.
   */
  private static void countShuffled(int[] permutation, int prefix, RandomGenerator random, Offer[] offers, int limit, int[] chosen,
      double[] in, double[] first) {
    int n = permutation.length;
    for (int i = 0; i < n; i++) {
      permutation[i] = i;
    }
    shuffle(permutation, 0, prefix, random);
    int k = Arbitration.chooseIndexes(permutation, prefix, offers, limit, chosen);
    if (k < chosen.length && prefix < n) {
      shuffle(permutation, prefix, n, random);
      k = Arbitration.chooseIndexes(permutation, n, offers, limit, chosen);
    }
    tally(chosen, k, in, first);
  }

  /** Fisher–Yates over positions {@code from..to-1}: each takes a uniformly chosen element of the rest. */
  private static void shuffle(int[] a, int from, int to, RandomGenerator random) {
    for (int i = from; i < to && i < a.length - 1; i++) {
      int j = i + random.nextInt(a.length - i);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private static void count(int[] order, Offer[] offers, int limit, int[] chosen, double[] in, double[] first) {
    tally(chosen, Arbitration.chooseIndexes(order, order.length, offers, limit, chosen), in, first);
  }

  private static void tally(int[] chosen, int k, double[] in, double[] first) {
    for (int j = 0; j < k; j++) {
      in[chosen[j]]++;
    }
    if (k > 0) {
      first[chosen[0]]++;
    }
  }

  private static void scale(double[] in, double[] first, int runs) {
    for (int i = 0; i < in.length; i++) {
      in[i] /= runs;
      first[i] /= runs;
    }
  }

  /** Indexes by descending score; ties go to the lower index. Scores are non-negative. */
  static int[] rank(double[] score) {
    int n = score.length;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = key(score[i], i);
    }
    Arrays.sort(keys);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = index(keys[n - 1 - i]);
    }
    return order;
  }

  /** Sorts like the score (a non-negative float's bits order like its value), ties to the lower index. */
  static long key(double score, int index) {
    return ((long) Float.floatToIntBits((float) score) << 32) | (Integer.MAX_VALUE - index);
  }

  static int index(long key) {
    return Integer.MAX_VALUE - (int) (key & 0xFFFFFFFFL);
  }

  private static int[] shuffled(int n, RandomGenerator random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    shuffle(order, 0, n, random);
    return order;
  }
}
