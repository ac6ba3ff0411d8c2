package io.kairos.engine.decide;

import java.util.List;

/**
 * The answer to a {@link DecisionRequest}.
 *
 * @param profileId null when the person is unknown (non-personalized offers)
 * @param propensitySource where the propensity came from: the model version, or why the base rate was used
 * @param consent what the person's consent (or its default) removed from this decision, one line each
 * @param policy how the offers were ranked: {@code thompson}, {@code greedy} or {@code control}
 * @param features the context vector the offer models read (intercept first), kept for learning from feedback
 * @param offset the acceptance logit every offer model started from for this person
 * @param candidates every eligible offer as the policy saw it, with its choice probability
 */
public record Decision(String decisionId, String profileId, String channel, String placement, long createdAt,
    String propensitySource, List<String> consent, List<RankedOffer> offers, List<ExcludedOffer> excluded, String policy,
    double[] features, double offset, List<DecisionCandidate> candidates) {}
