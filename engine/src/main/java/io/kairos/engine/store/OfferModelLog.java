package io.kairos.engine.store;

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
}
