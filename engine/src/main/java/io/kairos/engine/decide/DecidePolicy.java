package io.kairos.engine.decide;

import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.learn.OfferLearner;
import io.kairos.engine.learn.OfferModel;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * How decide turns the offer models into a choice: the learned models, the context features they
 * read, the exploration settings and the random source (seeded in tests).
 */
public record DecidePolicy(OfferLearner learner, LearningFeatures features, KairosConfig.Learning settings,
    Supplier<RandomGenerator> random) {

  public DecidePolicy(OfferLearner learner, LearningFeatures features, KairosConfig.Learning settings) {
    this(learner, features, settings, ThreadLocalRandom::current);
  }

  /** The logit every offer model starts from for this person: the propensity's or the configured constant's. */
  public double offset(double propensity) {
    return OfferModel.logit("propensity".equals(settings.baseline()) ? propensity : settings.priorAcceptRate());
  }

  public boolean isPositive(String outcome) {
    return settings.positiveOutcomes().contains(outcome);
  }

  public boolean isNegative(String outcome) {
    return settings.negativeOutcomes().contains(outcome);
  }
}
