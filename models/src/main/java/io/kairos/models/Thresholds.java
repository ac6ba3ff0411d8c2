package io.kairos.models;

/** Choice of the decision threshold on validation rows. */
final class Thresholds {

  private Thresholds() {}

  /** The threshold in 0.05..0.95 (step 0.01) with the highest F1. */
  static double maxF1(float[] labels, double[] scores) {
    double best = 0.5;
    double bestF1 = -1;
    for (int t = 5; t <= 95; t++) {
      double f1 = BinaryMetrics.of(labels, scores, t / 100.0).f1();
      if (f1 > bestF1) {
        bestF1 = f1;
        best = t / 100.0;
      }
    }
    return best;
  }
}
