package io.kairos.engine.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The log of decisions made and the feedback received on them, for evaluation and learning. */
public interface DecisionLog {

  CompletableFuture<Void> recordDecision(String decisionId, String profileId, String channel, String placement, long at, String body);

  /** A logged decision and the outcomes it has received, as {@code offerId|outcome}. */
  record StoredDecision(String body, long createdAt, List<String> outcomes) {}

  /** The decision as logged, if it is in the log (it is gone after the person's erasure). Blocking. */
  Optional<StoredDecision> find(String decisionId);

  CompletableFuture<Void> recordFeedback(String decisionId, String offerId, String outcome, long at, String body);
}
