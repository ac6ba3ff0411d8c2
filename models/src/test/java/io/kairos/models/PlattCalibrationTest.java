package io.kairos.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PlattCalibrationTest {

  @Test
  void recoversTheScalingThatGeneratedTheLabels() {
    Random random = new Random(7);
    int n = 20_000;
    double[] logits = new double[n];
    float[] labels = new float[n];
    for (int i = 0; i < n; i++) {
      logits[i] = random.nextGaussian() * 3;
      double p = 1 / (1 + Math.exp(-(0.5 * logits[i] - 1.2))); // a network over-confident by 2x and shifted
      labels[i] = random.nextDouble() < p ? 1 : 0;
    }
    PlattCalibration c = PlattCalibration.fit(logits, labels);
    assertThat(c.slope()).isCloseTo(0.5, within(0.05));
    assertThat(c.intercept()).isCloseTo(-1.2, within(0.1));
    assertThat(c.apply(0)).isCloseTo(1 / (1 + Math.exp(1.2)), within(0.02));
  }

  @Test
  void degenerateInputKeepsFiniteParameters() {
    PlattCalibration c = PlattCalibration.fit(new double[] {1, 1, 1}, new float[] {1, 1, 1});
    assertThat(Double.isFinite(c.slope()) && Double.isFinite(c.intercept())).isTrue();
    assertThat(PlattCalibration.fit(new double[0], new float[0])).isNotNull();
  }
}
