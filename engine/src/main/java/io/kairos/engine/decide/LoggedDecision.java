package io.kairos.engine.decide;

/** A decision and its JSON form, encoded once for both the decision log and the HTTP response. */
public record LoggedDecision(Decision decision, String json) {}
