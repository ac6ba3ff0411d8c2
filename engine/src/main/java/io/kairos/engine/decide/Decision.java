package io.kairos.engine.decide;

import java.util.List;

/**
 * The answer to a {@link DecisionRequest}.
 *
 * @param profileId null when the person is unknown (non-personalized offers)
 * @param propensitySource where the propensity came from: the model version, or why the base rate was used
 */
public record Decision(String decisionId, String profileId, String channel, String placement, long createdAt,
    String propensitySource, List<RankedOffer> offers, List<ExcludedOffer> excluded) {}
