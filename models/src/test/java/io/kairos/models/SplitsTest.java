package io.kairos.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitsTest {

  final float[] labels = labels(1000, 150);

  static float[] labels(int n, int positives) {
    float[] y = new float[n];
    for (int i = 0; i < positives; i++) y[i * (n / positives)] = 1;
    return y;
  }

  @Test
  void foldsAreDisjointCoverEveryRowAndKeepThePositiveShare() {
    int[][] folds = Splits.folds(labels, 5, 42);
    Set<Integer> seen = new HashSet<>();
    for (int[] fold : folds) {
      assertThat(fold.length).isEqualTo(200);
      double positives = Arrays.stream(fold).mapToDouble(r -> labels[r]).sum();
      assertThat(positives).isEqualTo(30);
      for (int r : fold) assertThat(seen.add(r)).as("row %d in two folds", r).isTrue();
    }
    assertThat(seen).hasSize(1000);
  }

  @Test
  void stratifiedHoldoutOfASubsetStaysInsideIt() {
    int[] subset = Splits.complement(1000, Splits.folds(labels, 5, 1)[0]);
    Splits.Split split = Splits.stratified(labels, subset, 0.25, 3);
    Set<Integer> allowed = new HashSet<>();
    for (int r : subset) allowed.add(r);
    assertThat(split.train().length + split.validation().length).isEqualTo(subset.length);
    assertThat(Arrays.stream(split.validation()).allMatch(allowed::contains)).isTrue();
    assertThat(Arrays.stream(split.validation()).mapToDouble(r -> labels[r]).sum()).isEqualTo(30);
  }
}
