package io.kairos.engine.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OfferModelTest {

  @Test
  void anAcceptanceRaisesTheMeanAndEveryOutcomeNarrowsThePosterior() {
    OfferModel prior = OfferModel.prior(2, 1.0);
    double[] x = {1, 0.5};
    OfferModel yes = prior.observe(x, 0, true);
    OfferModel no = prior.observe(x, 0, false);
    assertThat(yes.logitMean(x)).isPositive();
    assertThat(no.logitMean(x)).isNegative();
    assertThat(yes.logitVariance(x)).isLessThan(prior.logitVariance(x));
    assertThat(yes.observations()).isEqualTo(1);
    assertThat(yes.positives()).isEqualTo(1);
    assertThat(no.positives()).isZero();
    assertThat(prior.logitMean(x)).as("immutable").isZero();
  }

  @Test
  void theUpdateIsTheMaximumOfPriorTimesLikelihood() {
    OfferModel prior = OfferModel.prior(2, 2.0);
    double[] x = {1, -1.5};
    double offset = -1.0;
    OfferModel next = prior.observe(x, offset, true);
    // gradient of the log posterior at the new mean is zero: -(m - m0) / variance + (y - p) x = 0
    double p = OfferModel.sigmoid(offset + next.logitMean(x));
    for (int i = 0; i < 2; i++) {
      double gradient = -next.mean()[i] / 2.0 + (1 - p) * x[i];
      assertThat(gradient).isCloseTo(0, within(1e-9));
    }
  }

  @Test
  void learnsDifferentAcceptanceRatesInDifferentContexts() {
    SplittableRandom random = new SplittableRandom(7);
    OfferModel m = OfferModel.prior(2, 1.0);
    double offset = OfferModel.logit(0.1);
    for (int i = 0; i < 20_000; i++) {
      boolean loyal = random.nextBoolean();
      double[] x = {1, loyal ? 1 : 0};
      m = m.observe(x, offset, random.nextDouble() < (loyal ? 0.30 : 0.05));
    }
    assertThat(OfferModel.sigmoid(offset + m.logitMean(new double[] {1, 1}))).isCloseTo(0.30, within(0.02));
    assertThat(OfferModel.sigmoid(offset + m.logitMean(new double[] {1, 0}))).isCloseTo(0.05, within(0.01));
    assertThat(Math.sqrt(m.logitVariance(new double[] {1, 1}))).isLessThan(0.05);
  }

  @Test
  void logitClipsCertainties() {
    assertThat(OfferModel.logit(0)).isFinite().isNegative();
    assertThat(OfferModel.logit(1)).isFinite().isPositive();
    assertThat(OfferModel.sigmoid(OfferModel.logit(0.3))).isCloseTo(0.3, within(1e-12));
    assertThat(OfferModel.sigmoid(-800)).isZero();
    assertThat(OfferModel.sigmoid(800)).isEqualTo(1.0);
  }
}
