package io.kairos.engine.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Every change made to the offer catalog through the admin API, numbered: the catalog's versions. */
public interface OfferChangeLog {

  /**
   * One change.
   *
   * @param version the catalog version this change produced (1, 2, ... on top of the YAML file)
   * @param action create, update or retire
   * @param body the offer as written (JSON), or null for a retirement
   */
  record OfferChange(long version, long at, String action, String offerId, String body) {}

  /** Appends a change; completes once durable. */
  CompletableFuture<Void> append(OfferChange change);

  /** Every change in order; blocking. */
  List<OfferChange> all();
}
