package io.kairos.engine.evaluate;

import io.kairos.engine.evaluate.HillstromData.Customer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Unbiased values of policies on held-out customers of a uniformly randomized experiment. A
 * deterministic policy's value is the mean outcome of the customers whose random arm is the one the
 * policy picks (self-normalized IPS with the known 1/3); "random" is the mean over everyone. Paired
 * bootstrap over customers gives 95% intervals for each value and for the learned policy's margin
 * over each fixed policy. Pure.
 */
final class HillstromPolicies {

  static final List<String> FIXED = List.of("mens_to_all", "womens_to_all", "none", "random");

  /** A value and its 95% interval, for conversion and spend per customer. */
  record Value(OffPolicyEstimates.Estimate conversion, OffPolicyEstimates.Estimate spend) {}

  record Result(Map<String, Value> values, Map<String, Value> learnedMinus) {}

  private HillstromPolicies() {}

  /** @param learned the offer the learned policy chose for each customer, in the same order */
  static Result evaluate(List<Customer> test, String[] learned, int resamples, long seed) {
    int n = test.size();
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    double[][] point = values(test, learned, all);
    double[][][] boot = new double[resamples][][];
    SplittableRandom random = new SplittableRandom(seed);
    int[] pick = new int[n];
    for (int b = 0; b < resamples; b++) {
      for (int i = 0; i < n; i++) {
        pick[i] = random.nextInt(n);
      }
      boot[b] = values(test, learned, pick);
    }
    Map<String, Value> values = new LinkedHashMap<>();
    Map<String, Value> minus = new LinkedHashMap<>();
    String[] names = {"learned", "mens_to_all", "womens_to_all", "none", "random"};
    for (int p = 0; p < names.length; p++) {
      values.put(names[p], new Value(interval(point, boot, p, 0, -1), interval(point, boot, p, 1, -1)));
      if (p > 0) {
        minus.put(names[p], new Value(interval(point, boot, 0, 0, p), interval(point, boot, 0, 1, p)));
      }
    }
    return new Result(values, minus);
  }

  /** [policy][metric] with policies learned, mens, womens, none, random and metrics conversion, spend. */
  static double[][] values(List<Customer> test, String[] learned, int[] idx) {
    double[][] sum = new double[5][2];
    double[] matched = new double[5];
    for (int i : idx) {
      Customer c = test.get(i);
      String[] choice = {learned[i], "mens-email", "womens-email", "no-email"};
      for (int p = 0; p < 4; p++) {
        if (choice[p].equals(c.arm())) {
          sum[p][0] += c.conversion();
          sum[p][1] += c.spend();
          matched[p]++;
        }
      }
      sum[4][0] += c.conversion();
      sum[4][1] += c.spend();
      matched[4]++;
    }
    for (int p = 0; p < 5; p++) {
      for (int m = 0; m < 2; m++) {
        sum[p][m] = matched[p] == 0 ? 0 : sum[p][m] / matched[p];
      }
    }
    return sum;
  }

  private static OffPolicyEstimates.Estimate interval(double[][] point, double[][][] boot, int p, int metric, int minus) {
    double[] b = new double[boot.length];
    for (int i = 0; i < boot.length; i++) {
      b[i] = boot[i][p][metric] - (minus < 0 ? 0 : boot[i][minus][metric]);
    }
    return OffPolicyEstimates.interval(point[p][metric] - (minus < 0 ? 0 : point[minus][metric]), b);
  }
}
