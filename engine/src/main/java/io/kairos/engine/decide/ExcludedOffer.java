package io.kairos.engine.decide;

/** An offer left out of a decision and why (channel, placement, a condition that did not hold). */
public record ExcludedOffer(String offerId, String reason) {}
