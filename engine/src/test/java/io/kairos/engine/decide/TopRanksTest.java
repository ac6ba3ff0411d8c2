package io.kairos.engine.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TopRanksTest {

  @Test
  void givesTheFullRankingsPrefixTiesIncluded() {
    SplittableRandom random = new SplittableRandom(3);
    for (int round = 0; round < 2_000; round++) {
      int n = 1 + random.nextInt(60);
      int k = 1 + random.nextInt(15);
      double[] score = new double[n];
      for (int i = 0; i < n; i++) {
        score[i] = random.nextInt(4) == 0 ? 0.25 * random.nextInt(4) : random.nextDouble() * 50;
      }
      TopRanks top = new TopRanks(n, k);
      int m = top.select(score);
      assertThat(m).isEqualTo(Math.min(n, k));
      assertThat(Arrays.copyOf(top.order(), m)).as("n=%d k=%d %s", n, k, Arrays.toString(score))
          .containsExactly(Arrays.copyOf(ThompsonChoice.rank(score), m));
    }
  }

  @Test
  void isReusableAcrossDraws() {
    TopRanks top = new TopRanks(4, 2);
    assertThat(top.select(new double[] {1, 4, 3, 2})).isEqualTo(2);
    assertThat(top.order()[0]).isEqualTo(1);
    assertThat(top.order()[1]).isEqualTo(2);
    top.select(new double[] {5, 0, 0, 6});
    assertThat(top.order()[0]).isEqualTo(3);
    assertThat(top.order()[1]).isEqualTo(0);
  }
}
