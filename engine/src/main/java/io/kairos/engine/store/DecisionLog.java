package io.kairos.engine.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The log of decisions made and the feedback received on them, for evaluation and learning. */
public interface DecisionLog {

  /**
   * Logs a decision: {@code body} is its UTF-8 JSON record, {@code candidates} the eligible offers as
   * the policy saw them, packed (opaque here; null when there are none to keep). Nobody waits for it, so
   * the store may hold it up to a few milliseconds to commit it with others.
   */
  CompletableFuture<Void> recordDecision(String decisionId, String profileId, String channel, String placement, long at, byte[] body,
      byte[] candidates);

  /** A logged decision and the outcomes it has received, as {@code offerId|outcome}. */
  record StoredDecision(String body, long createdAt, List<String> outcomes) {}

  /** The decision as logged, if it is in the log (it is gone after the person's erasure). Blocking. */
  Optional<StoredDecision> find(String decisionId);

  /** An offer of a decision that was shown ({@code seq} orders the feedback log). */
  record Shown(long seq, String decisionId, String offerId) {}

  /**
   * Offers with a {@code shown} outcome recorded in [{@code from}, {@code to}) and none of the
   * {@code answers} yet, in log order after {@code afterSeq}, at most {@code limit}. Blocking.
   */
  List<Shown> unanswered(String shown, List<String> answers, long from, long to, long afterSeq, int limit);

  /** Logs one outcome that taught no model. */
  default CompletableFuture<Void> recordFeedback(String decisionId, String offerId, String outcome, long at, String body) {
    return recordFeedback(decisionId, offerId, outcome, at, body, null);
  }

  /**
   * Logs one outcome; {@code learned} is what the offer's model learned from it (JSON, opaque here; null when it taught
   * none), kept so that erasing the person can take it out of the model again.
   */
  CompletableFuture<Void> recordFeedback(String decisionId, String offerId, String outcome, long at, String body, String learned);

  /**
   * Deletes up to {@code limit} of the oldest decisions made before {@code cutoff} (epoch millis), with their feedback, in one
   * transaction; completes with how many decisions went.
   */
  CompletableFuture<Integer> deleteOlderThan(long cutoff, int limit);
}
