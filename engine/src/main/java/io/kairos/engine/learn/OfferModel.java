package io.kairos.engine.learn;

import java.util.Arrays;

/**
 * The posterior of one offer's acceptance model: logit P(accept | x) = offset + w·x, with
 * w ~ N(mean, covariance). {@code x[0]} is the intercept (always 1). Immutable: an observation
 * returns the next posterior by an online Laplace step (the Bayesian logistic regression of
 * Chapelle and Li, "An Empirical Evaluation of Thompson Sampling", NIPS 2011, one observation at a
 * time, with the full covariance kept by a rank-one update; with a diagonal one, OfferModelTest's
 * 5% context came out at 7.6%).
 *
 * @param covariance row-major d × d
 * @param observations outcomes learned from; {@code positives} of them were accepts or conversions
 */
public record OfferModel(double[] mean, double[] covariance, long observations, long positives) {

  public OfferModel {
    if (covariance.length != mean.length * mean.length) {
      throw new IllegalArgumentException("covariance must be " + mean.length + " × " + mean.length);
    }
    mean = mean.clone();
    covariance = covariance.clone();
  }

  /** No feedback yet: every weight independently N(0, variance). */
  public static OfferModel prior(int dimensions, double variance) {
    double[] c = new double[dimensions * dimensions];
    for (int i = 0; i < dimensions; i++) {
      c[i * dimensions + i] = variance;
    }
    return new OfferModel(new double[dimensions], c, 0, 0);
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

  /** Posterior variance of the logit: xᵀ covariance x. */
  public double logitVariance(double[] x) {
    return Math.max(0, dot(times(x), x));
  }

  /** covariance · x */
  private double[] times(double[] x) {
    return times(covariance, x);
  }

  /** matrix · x, for a row-major d × d matrix and d = x.length */
  private static double[] times(double[] matrix, double[] x) {
    int d = x.length;
    double[] out = new double[d];
    for (int i = 0; i < d; i++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        s += matrix[i * d + j] * x[j];
      }
      out[i] = s;
    }
    return out;
  }

  /**
   * The posterior after one outcome. The new mean maximizes the Gaussian prior times the logistic
   * likelihood; it lies on the line mean − s·Σx, so a scalar Newton solve for s is exact. The
   * precision then grows by p(1 − p)·x xᵀ, applied to the covariance by Sherman–Morrison.
   */
  public OfferModel observe(double[] x, double offset, boolean accepted) {
    return learn(x, offset, accepted).next();
  }

  /**
   * The Gaussian factor one outcome multiplied into the posterior, in natural parameters: precision
   * {@code precision}·x xᵀ and linear term {@code linear}·x. Dividing it out ({@link #forget}) removes
   * that outcome's influence; this is how an erased person's outcomes leave the model.
   */
  public record Site(double[] x, double precision, double linear, boolean accepted) {}

  /** The posterior after one outcome, and the factor that outcome added. */
  public record Learned(OfferModel next, Site site) {}

  /** {@link #observe}, also returning the outcome's {@link Site}. */
  public Learned learn(double[] x, double offset, boolean accepted) {
    double y = accepted ? 1 : 0;
    double[] sx = times(x);
    double a = offset + logitMean(x);
    double v = Math.max(0, dot(sx, x));
    double s = sigmoid(a) - y;
    for (int i = 0; i < 50; i++) {
      double p = sigmoid(a - s * v);
      double step = (s - p + y) / (1 + v * p * (1 - p));
      s -= step;
      if (Math.abs(step) < 1e-12) {
        break;
      }
    }
    int d = mean.length;
    double[] m = new double[d];
    for (int i = 0; i < d; i++) {
      m[i] = mean[i] - s * sx[i];
    }
    double p = sigmoid(a - s * v);
    double c = p * (1 - p);
    OfferModel next = new OfferModel(m, rankOne(sx, -c / (1 + c * v)), observations + 1, positives + (accepted ? 1 : 0));
    // New natural mean: η + (c·xᵀm' − s)·x, because the precision grew by c·x xᵀ and m' = m − s·Σx.
    return new Learned(next, new Site(x.clone(), c, c * next.logitMean(x) - s, accepted));
  }

  /**
   * The posterior without one outcome learned earlier: its site's precision is subtracted (Sherman–Morrison
   * again) and the mean moved so that the natural mean loses {@code linear}·x. Right after {@link #learn}
   * this gives back the model before it (to rounding); after other outcomes, the model as if this one had
   * never been seen, up to the online approximation (each site was fitted at the posterior of its time).
   * A site the model cannot lose (its precision along x is not larger than the site's, as after a reset)
   * leaves the model unchanged.
   */
  public OfferModel forget(Site site) {
    double[] x = site.x();
    if (x.length != mean.length || observations == 0) {
      return this;
    }
    double c = site.precision();
    double[] sx = times(x);
    double denominator = 1 - c * Math.max(0, dot(sx, x));
    if (denominator <= 1e-9) {
      return this;
    }
    double[] cov = rankOne(sx, c / denominator);
    double[] cx = times(cov, x);
    double shift = c * logitMean(x) - site.linear();
    int d = mean.length;
    double[] m = new double[d];
    for (int i = 0; i < d; i++) {
      m[i] = mean[i] + shift * cx[i];
    }
    return new OfferModel(m, cov, observations - 1, Math.max(0, positives - (site.accepted() ? 1 : 0)));
  }

  /** covariance + k·u uᵀ, kept exactly symmetric. */
  private double[] rankOne(double[] u, double k) {
    int d = mean.length;
    double[] cov = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        double value = 0.5 * (covariance[i * d + j] + covariance[j * d + i]) + k * u[i] * u[j];
        cov[i * d + j] = value;
        cov[j * d + i] = value;
      }
    }
    return cov;
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
    return o instanceof OfferModel m && Arrays.equals(mean, m.mean) && Arrays.equals(covariance, m.covariance)
        && observations == m.observations && positives == m.positives;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(mean) * 31 + Arrays.hashCode(covariance);
  }

  @Override
  public String toString() {
    return "OfferModel[mean=" + Arrays.toString(mean) + ", covariance=" + Arrays.toString(covariance) + ", observations="
        + observations + ", positives=" + positives + "]";
  }
}
