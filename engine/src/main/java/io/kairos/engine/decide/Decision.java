package io.kairos.engine.decide;

import java.util.List;

/**
 * The answer to a {@link DecisionRequest}.
 *
 * @param profileId null when the person is unknown (non-personalized offers)
 * @param propensitySource where the propensity came from: the model version, or why the base rate was used
 * @param consent what the person's consent (or its default) removed from this decision, one line each
 */
public record Decision(String decisionId, String profileId, String channel, String placement, long createdAt,
    String propensitySource, List<String> consent, List<RankedOffer> offers, List<ExcludedOffer> excluded) {}
