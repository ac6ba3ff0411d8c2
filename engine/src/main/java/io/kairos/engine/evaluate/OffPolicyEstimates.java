package io.kairos.engine.evaluate;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The value of a target policy estimated from rounds logged under another policy: inverse
 * propensity scoring (IPS), its self-normalized form (SNIPS) and doubly robust (DR), each with a
 * 95% percentile-bootstrap interval. Pure.
 */
public final class OffPolicyEstimates {

  /** An estimate and its 95% interval. */
  public record Estimate(double value, double low, double high) {}

  /** The three estimates and the effective sample size of the weights, (Σw)² / Σw². */
  public record Result(int rounds, Estimate ips, Estimate snips, Estimate dr, double effectiveSampleSize) {}

  private OffPolicyEstimates() {}

  public static Result estimate(List<LoggedRound> rounds, int resamples, long seed) {
    int n = rounds.size();
    if (n == 0) {
      throw new IllegalArgumentException("no logged rounds to evaluate");
    }
    LoggedRound[] r = rounds.toArray(LoggedRound[]::new);
    double[] point = values(r, identity(n));
    double[][] boot = new double[3][resamples];
    SplittableRandom random = new SplittableRandom(seed);
    int[] pick = new int[n];
    for (int b = 0; b < resamples; b++) {
      for (int i = 0; i < n; i++) {
        pick[i] = random.nextInt(n);
      }
      double[] v = values(r, pick);
      for (int k = 0; k < 3; k++) {
        boot[k][b] = v[k];
      }
    }
    double sw = 0;
    double sw2 = 0;
    for (LoggedRound x : r) {
      sw += x.weight();
      sw2 += x.weight() * x.weight();
    }
    return new Result(n, interval(point[0], boot[0]), interval(point[1], boot[1]), interval(point[2], boot[2]),
        sw2 == 0 ? 0 : sw * sw / sw2);
  }

  /** IPS, SNIPS and DR over the rounds at the given indexes. */
  static double[] values(LoggedRound[] r, int[] idx) {
    double ips = 0;
    double weights = 0;
    double dr = 0;
    for (int i : idx) {
      LoggedRound x = r[i];
      ips += x.weight() * x.reward();
      weights += x.weight();
      dr += x.predictedTarget() + x.weight() * (x.reward() - x.predicted());
    }
    int n = idx.length;
    return new double[] {ips / n, weights == 0 ? 0 : ips / weights, dr / n};
  }

  /** Mean of values with a 95% percentile-bootstrap interval. */
  public static Estimate interval(double point, double[] bootstrap) {
    double[] sorted = bootstrap.clone();
    Arrays.sort(sorted);
    int lo = (int) Math.floor(0.025 * (sorted.length - 1));
    int hi = (int) Math.ceil(0.975 * (sorted.length - 1));
    return new Estimate(point, sorted[lo], sorted[hi]);
  }

  private static int[] identity(int n) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    return idx;
  }
}
