package io.kairos.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BinaryMetricsTest {

  @Test
  void perfectAndInvertedRankings() {
    float[] y = {0, 0, 1, 1};
    assertThat(BinaryMetrics.of(y, new double[] {0.1, 0.2, 0.8, 0.9}, 0.5).auc()).isEqualTo(1.0);
    assertThat(BinaryMetrics.of(y, new double[] {0.9, 0.8, 0.2, 0.1}, 0.5).auc()).isEqualTo(0.0);
    assertThat(BinaryMetrics.of(y, new double[] {0.5, 0.5, 0.5, 0.5}, 0.5).auc()).isEqualTo(0.5);
  }

  @Test
  void aucCountsTiesAsHalfAndThresholdMetricsAreRight() {
    float[] y = {0, 1, 0, 1, 1};
    double[] s = {0.1, 0.4, 0.4, 0.7, 0.9};
    BinaryMetrics m = BinaryMetrics.of(y, s, 0.5);
    // pairs (pos, neg): 3 positives x 2 negatives = 6; wins: 0.4 vs 0.1 (1), 0.4 vs 0.4 (0.5), 0.7 (2), 0.9 (2) = 5.5
    assertThat(m.auc()).isCloseTo(5.5 / 6, within(1e-12));
    assertThat(m.precision()).isEqualTo(1.0);
    assertThat(m.recall()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(m.accuracy()).isEqualTo(0.8);
    assertThat(m.brier()).isCloseTo((0.01 + 0.36 + 0.16 + 0.09 + 0.01) / 5, within(1e-12));
    assertThat(m.calibration()).isNotEmpty();
  }
}
