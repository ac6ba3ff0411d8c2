package io.kairos.models;

/**
 * Platt scaling: P = sigmoid(slope × logit + intercept), fitted by Newton's method on held-out
 * rows. It turns the logits of a network trained with a re-weighted loss back into probabilities.
 */
public record PlattCalibration(double slope, double intercept) {

  public static final PlattCalibration IDENTITY = new PlattCalibration(1, 0);

  public double apply(double logit) {
    return sigmoid(slope * logit + intercept);
  }

  /** Minimizes the log-loss of {@link #apply} over {@code (logits, labels)}: Newton steps, halved until the loss drops. */
  public static PlattCalibration fit(double[] logits, float[] labels) {
    double a = 1;
    double b = 0;
    double loss = loss(logits, labels, a, b);
    for (int iter = 0; iter < 100; iter++) {
      double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
      for (int i = 0; i < logits.length; i++) {
        double p = sigmoid(a * logits[i] + b);
        double r = p - labels[i];
        double w = p * (1 - p);
        ga += r * logits[i];
        gb += r;
        haa += w * logits[i] * logits[i];
        hab += w * logits[i];
        hbb += w;
      }
      double det = haa * hbb - hab * hab;
      if (!(Math.abs(det) > 1e-18)) {
        break;
      }
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      double step = 1;
      double next = loss(logits, labels, a - da, b - db);
      while (!(next <= loss) && step > 1e-6) {
        step /= 2;
        next = loss(logits, labels, a - step * da, b - step * db);
      }
      if (!(next <= loss)) {
        break;
      }
      a -= step * da;
      b -= step * db;
      boolean converged = loss - next < 1e-12;
      loss = next;
      if (converged) {
        break;
      }
    }
    return Double.isFinite(a) && Double.isFinite(b) ? new PlattCalibration(a, b) : IDENTITY;
  }

  private static double loss(double[] logits, float[] labels, double a, double b) {
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      double z = a * logits[i] + b;
      // log(1 + e^z) - y z, computed stably
      sum += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - labels[i] * z;
    }
    return sum;
  }

  private static double sigmoid(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }
}
