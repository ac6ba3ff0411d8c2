package io.kairos.engine.learn;

import java.util.Arrays;

/**
 * The posterior of one offer's acceptance model: logit P(accept | x) = offset + w·x, with
 * w ~ N(mean, diag(1/precision)). {@code x[0]} is the intercept (always 1). Immutable: an
 * observation returns the next posterior (online Laplace approximation, as in Chapelle and Li,
 * "An Empirical Evaluation of Thompson Sampling", NIPS 2011, one observation at a time).
 *
 * @param observations outcomes learned from; {@code positives} of them were accepts or conversions
 */
public record OfferModel(double[] mean, double[] precision, long observations, long positives) {

  public OfferModel {
    if (mean.length != precision.length) {
      throw new IllegalArgumentException("mean and precision differ in length");
    }
    mean = mean.clone();
    precision = precision.clone();
  }

  /** No feedback yet: every weight N(0, variance). */
  public static OfferModel prior(int dimensions, double variance) {
    double[] q = new double[dimensions];
    Arrays.fill(q, 1.0 / variance);
    return new OfferModel(new double[dimensions], q, 0, 0);
  }

  public int dimensions() {
    return mean.length;
  }

  /** Posterior mean of the logit (without the offset). */
  public double logitMean(double[] x) {
    double s = 0;
    for (int i = 0; i < mean.length; i++) {
      s += mean[i] * x[i];
    }
    return s;
  }

  /** Posterior variance of the logit: the sum of x_i² / precision_i. */
  public double logitVariance(double[] x) {
    double v = 0;
    for (int i = 0; i < mean.length; i++) {
      v += x[i] * x[i] / precision[i];
    }
    return v;
  }

  /**
   * The posterior after one outcome. The new mean maximizes the Gaussian prior times the logistic
   * likelihood; with a diagonal prior it lies on the line mean − s·x/precision, so a scalar Newton
   * solve for s is exact. Precision then grows by p(1 − p)·x_i².
   */
  public OfferModel observe(double[] x, double offset, boolean accepted) {
    double y = accepted ? 1 : 0;
    double a = offset + logitMean(x);
    double v = logitVariance(x);
    double s = sigmoid(a) - y;
    for (int i = 0; i < 50; i++) {
      double p = sigmoid(a - s * v);
      double f = s - p + y;
      double step = f / (1 + v * p * (1 - p));
      s -= step;
      if (Math.abs(step) < 1e-12) {
        break;
      }
    }
    double[] m = new double[mean.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = mean[i] - s * x[i] / precision[i];
    }
    double p = sigmoid(offset + dot(m, x));
    double[] q = new double[precision.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = precision[i] + p * (1 - p) * x[i] * x[i];
    }
    return new OfferModel(m, q, observations + 1, positives + (accepted ? 1 : 0));
  }

  public static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  /** logit(p) with p kept within [1e-4, 1 − 1e-4], so a score of 0 or 1 stays a usable offset. */
  public static double logit(double p) {
    double c = Math.min(1 - 1e-4, Math.max(1e-4, p));
    return Math.log(c / (1 - c));
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OfferModel m && Arrays.equals(mean, m.mean) && Arrays.equals(precision, m.precision)
        && observations == m.observations && positives == m.positives;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(mean) * 31 + Arrays.hashCode(precision);
  }

  @Override
  public String toString() {
    return "OfferModel[mean=" + Arrays.toString(mean) + ", precision=" + Arrays.toString(precision) + ", observations="
        + observations + ", positives=" + positives + "]";
  }
}
