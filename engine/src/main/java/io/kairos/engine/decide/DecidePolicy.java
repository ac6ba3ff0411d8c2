package io.kairos.engine.decide;

import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.learn.OfferLearner;
import io.kairos.engine.learn.OfferModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * How decide turns the offer models into a choice: the learned models, the context features they
 * read, the exploration settings and the random source (seeded in tests).
 */
public record DecidePolicy(OfferLearner learner, LearningFeatures features, KairosConfig.Learning settings,
    Supplier<RandomGenerator> random) {

  /**
   * One {@link SplittableRandom} per thread. Not {@code ThreadLocalRandom}: it inherits
   * {@code java.util.Random.nextGaussian}, which is synchronized on the one shared instance and uses
   * the slow polar method; with 6,600 draws per decision over 200 offers on 16 workers it was a
   * quarter of decide's profile samples. SplittableRandom uses the JDK's ziggurat and shares nothing.
   */
  private static final ThreadLocal<RandomGenerator> PER_THREAD = ThreadLocal.withInitial(SplittableRandom::new);

  public DecidePolicy(OfferLearner learner, LearningFeatures features, KairosConfig.Learning settings) {
    this(learner, features, settings, PER_THREAD::get);
  }

  /** The logit every offer model starts from for this person: the propensity's or the configured constant's. */
  public double offset(double propensity) {
    return OfferModel.logit("propensity".equals(settings.baseline()) ? propensity : settings.priorAcceptRate());
  }

  public boolean isPositive(String outcome) {
    return settings.positiveOutcomes().contains(outcome);
  }

  /** A configured refusal, or {@link NoResponseSweep#OUTCOME}: shown and left unanswered. */
  public boolean isNegative(String outcome) {
    return settings.negativeOutcomes().contains(outcome) || NoResponseSweep.OUTCOME.equals(outcome);
  }

  /** The outcomes that answer a shown offer for good: every learned one, and {@link NoResponseSweep#OUTCOME}. */
  public List<String> answers() {
    List<String> all = new ArrayList<>(settings.positiveOutcomes());
    all.addAll(settings.negativeOutcomes());
    all.add(NoResponseSweep.OUTCOME);
    return List.copyOf(all);
  }
}
