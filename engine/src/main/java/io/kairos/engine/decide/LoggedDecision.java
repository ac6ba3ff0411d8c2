package io.kairos.engine.decide;

/** A decision and the JSON answer to its request (the decision log holds the complete form). */
public record LoggedDecision(Decision decision, byte[] json) {}
