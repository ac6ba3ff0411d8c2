package io.kairos.engine.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Durable contacts (offers served and answers), from which the grid's contact histories are rebuilt at start. */
public interface ContactLog {

  /** One contact row; {@code kind} is SERVED, REJECTED or ACCEPTED. */
  record ContactRow(String profileId, String offerId, String group, String channel, String kind, long at) {}

  CompletableFuture<Void> append(List<ContactRow> rows);

  /** Every row at or after {@code since}, oldest first. Blocking. */
  void since(long since, Consumer<ContactRow> reader);
}
