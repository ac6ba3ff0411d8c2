package io.kairos.engine.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class ThompsonChoiceTest {

  static Offer offer(String id, String group) {
    return new Offer(id, id, List.of("web"), List.of(), List.of(), 1, 1, Map.of(), null, null, group, List.of(), null);
  }

  static ThompsonChoice.Candidate[] candidates(Offer... offers) {
    ThompsonChoice.Candidate[] c = new ThompsonChoice.Candidate[offers.length];
    double[] logit = {0.0, -0.5, -1.0, -1.2};
    for (int i = 0; i < offers.length; i++) {
      c[i] = new ThompsonChoice.Candidate(offers[i], logit[i], 0.8, 10);
    }
    return c;
  }

  @Test
  void probabilitiesAreDistributionsAndMatchHowOftenThePolicyReallyChooses() {
    ThompsonChoice.Candidate[] c = candidates(offer("a", null), offer("b", "g"), offer("c", "g"), offer("d", null));
    SplittableRandom random = new SplittableRandom(42);
    double[] meanFirst = new double[4];
    double[] meanIn = new double[4];
    int[] timesFirst = new int[4];
    int[] timesIn = new int[4];
    int decisions = 4000;
    for (int t = 0; t < decisions; t++) {
      ThompsonChoice.Result r = ThompsonChoice.draw(c, 2, true, 0.1, 32, random);
      assertThat(DoubleStream.of(r.firstProbability()).sum()).isCloseTo(1.0, within(1e-9));
      assertThat(DoubleStream.of(r.probability()).sum()).isCloseTo(2.0, within(1e-9));
      int[] chosen = new int[2];
      int k = Arbitration.chooseIndexes(r.order(), 4, new Offer[] {c[0].offer(), c[1].offer(), c[2].offer(), c[3].offer()}, 2, chosen);
      assertThat(k).isEqualTo(2);
      assertThat(chosen[0] == 1 && chosen[1] == 2 || chosen[0] == 2 && chosen[1] == 1).as("one offer per group").isFalse();
      timesFirst[chosen[0]]++;
      for (int j = 0; j < k; j++) {
        timesIn[chosen[j]]++;
      }
      for (int i = 0; i < 4; i++) {
        meanFirst[i] += r.firstProbability()[i] / decisions;
        meanIn[i] += r.probability()[i] / decisions;
      }
    }
    for (int i = 0; i < 4; i++) {
      assertThat(timesFirst[i] / (double) decisions).as("first %d", i).isCloseTo(meanFirst[i], within(0.025));
      assertThat(timesIn[i] / (double) decisions).as("chosen %d", i).isCloseTo(meanIn[i], within(0.025));
    }
    assertThat(meanFirst[0]).as("the best model leads most often").isGreaterThan(meanFirst[3]);
    assertThat(meanFirst[3]).as("but the others are explored").isGreaterThan(0.02);
  }

  @Test
  void withoutExplorationTheBestMeanWinsWithCertaintyAndTheControlShareExplores() {
    ThompsonChoice.Candidate[] c = candidates(offer("a", null), offer("b", null), offer("c", null));
    ThompsonChoice.Result greedy = ThompsonChoice.draw(c, 1, false, 0, 32, new SplittableRandom(1));
    assertThat(greedy.policy()).isEqualTo("greedy");
    assertThat(greedy.order()[0]).isZero();
    assertThat(greedy.firstProbability()).containsExactly(1.0, 0.0, 0.0);
    ThompsonChoice.Result mixed = ThompsonChoice.draw(c, 1, false, 0.3, 32, new SplittableRandom(1));
    assertThat(mixed.firstProbability()[0]).isCloseTo(0.7 + 0.1, within(1e-9));
    assertThat(mixed.firstProbability()[2]).isCloseTo(0.1, within(1e-9));
    int control = 0;
    SplittableRandom random = new SplittableRandom(5);
    for (int t = 0; t < 2000; t++) {
      control += ThompsonChoice.draw(c, 1, true, 0.3, 8, random).policy().equals("control") ? 1 : 0;
    }
    assertThat(control / 2000.0).isCloseTo(0.3, within(0.04));
  }

  @Test
  void ranksByScoreAndBreaksTiesByIndex() {
    assertThat(ThompsonChoice.rank(new double[] {0.2, 0.5, 0.2, 0.0, 0.5})).containsExactly(1, 4, 0, 2, 3);
    assertThat(ThompsonChoice.rank(new double[0])).isEmpty();
  }
}
