package io.kairos.engine.decide;

/**
 * One eligible offer as the policy saw it, logged with every decision for off-policy evaluation.
 *
 * @param acceptance posterior-mean P(accept) (offset included)
 * @param logitSd posterior standard deviation of the acceptance logit
 * @param multiplier value × weight: what an acceptance is worth to the ranking
 * @param probability estimated probability the policy chooses the offer (among up to limit)
 * @param firstProbability estimated probability the policy ranks it first
 */
public record DecisionCandidate(String offerId, double acceptance, double logitSd, double multiplier, double probability,
    double firstProbability) {}
