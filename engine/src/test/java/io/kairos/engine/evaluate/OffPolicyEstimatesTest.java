package io.kairos.engine.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OffPolicyEstimatesTest {

  /**
   * A simulated bandit: three actions with known click rates, logged uniformly at random; the target
   * policy always picks action 2. All three estimators must recover its true value.
   */
  @Test
  void estimatorsRecoverATargetPolicysValueFromUniformLogs() {
    double[] rate = {0.02, 0.05, 0.10};
    SplittableRandom random = new SplittableRandom(3);
    List<LoggedRound> rounds = new ArrayList<>();
    for (int i = 0; i < 60_000; i++) {
      int a = random.nextInt(3);
      double click = random.nextDouble() < rate[a] ? 1 : 0;
      double weight = a == 2 ? 1 / (1.0 / 3) : 0;
      rounds.add(new LoggedRound(click, weight, 0.05, 0.05));
    }
    OffPolicyEstimates.Result r = OffPolicyEstimates.estimate(rounds, 200, 1);
    assertThat(r.ips().value()).isCloseTo(0.10, within(0.01));
    assertThat(r.snips().value()).isCloseTo(0.10, within(0.01));
    assertThat(r.dr().value()).isCloseTo(0.10, within(0.01));
    assertThat(r.ips().low()).isLessThan(0.10).isLessThan(r.ips().value());
    assertThat(r.ips().high()).isGreaterThan(0.10).isGreaterThan(r.ips().value());
    assertThat(r.effectiveSampleSize()).isCloseTo(20_000, within(600.0));
  }

  @Test
  void aPerfectRewardModelMakesDoublyRobustExactWhateverTheWeights() {
    List<LoggedRound> rounds = List.of(new LoggedRound(1, 5, 1, 0.3), new LoggedRound(0, 0, 0, 0.3), new LoggedRound(0, 2, 0, 0.3));
    OffPolicyEstimates.Result r = OffPolicyEstimates.estimate(rounds, 50, 1);
    assertThat(r.dr().value()).isCloseTo(0.3, within(1e-12));
    assertThat(r.ips().value()).isCloseTo(5.0 / 3, within(1e-12));
    assertThat(r.snips().value()).isCloseTo(5.0 / 7, within(1e-12));
  }
}
