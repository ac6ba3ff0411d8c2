package io.kairos.engine.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The latest state of each offer's learned acceptance model, so learning survives a restart. */
public interface OfferModelLog {

  /** One stored model: the feature list it was learned over and its state as JSON. */
  record StoredModel(String features, String body, long updatedAt) {}

  /** Replaces the offer's stored model; completes once durable. */
  CompletableFuture<Void> save(String offerId, StoredModel model);

  /** Every stored model by offer id. */
  Map<String, StoredModel> all();

  /** An erased person's outcome still to be taken out of its offer's model ({@code learned} as the feedback log kept it). */
  record Unlearning(long seq, String offerId, String learned) {}

  /** The outcomes erasures left to unlearn, in order. Blocking. */
  List<Unlearning> pendingUnlearning();

  /** Replaces the offer's stored model (or keeps it, when null) and drops the queued outcome, in one transaction. */
  CompletableFuture<Void> unlearned(String offerId, StoredModel model, long seq);
}
