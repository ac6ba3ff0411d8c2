package io.kairos.engine.store;

import java.util.concurrent.CompletableFuture;

/** The log of decisions made and the feedback received on them, for evaluation and learning. */
public interface DecisionLog {

  CompletableFuture<Void> recordDecision(String decisionId, String profileId, String channel, String placement, long at, String body);

  CompletableFuture<Void> recordFeedback(String decisionId, String offerId, String outcome, long at, String body);
}
