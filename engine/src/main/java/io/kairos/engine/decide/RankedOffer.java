package io.kairos.engine.decide;

import java.util.List;
import java.util.Map;

/** An offer chosen for a decision, with the figures and reasons behind its rank. */
public record RankedOffer(String offerId, String name, double score, double propensity, double value, List<String> reasons,
    Map<String, Object> payload) {}
