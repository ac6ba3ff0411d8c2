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
    double[] mainIn = new double[n];
    double[] mainFirst = new double[n];
    if (explore) {
      int runs = draws;
      for (int d = 0; d < draws; d++) {
        for (int i = 0; i < n; i++) {
          score[i] = OfferModel.sigmoid(c[i].logitMean() + c[i].logitSd() * random.nextGaussian()) * c[i].multiplier();
        }
        count(rank(score), offers, limit, chosen, mainIn, mainFirst);
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
        for (int d = 0; d < draws; d++) {
          count(shuffled(n, random), offers, limit, chosen, controlIn, controlFirst);
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

  private static void count(int[] order, Offer[] offers, int limit, int[] chosen, double[] in, double[] first) {
    int k = Arbitration.chooseIndexes(order, offers, limit, chosen);
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
      keys[i] = ((long) Float.floatToIntBits((float) score[i]) << 32) | (Integer.MAX_VALUE - i);
    }
    Arrays.sort(keys);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = Integer.MAX_VALUE - (int) (keys[n - 1 - i] & 0xFFFFFFFFL);
    }
    return order;
  }

  private static int[] shuffled(int n, RandomGenerator random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
