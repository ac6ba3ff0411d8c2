package io.kairos.engine.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** The append-only, durable history of every accepted event. */
public interface EventLog {

  /** Appends all events in one transaction; completes once they are durable. */
  CompletableFuture<Void> append(List<StoredEvent> events);

  /** Streams every stored event in append order; blocking. Returns how many. */
  long replay(Consumer<StoredEvent> consumer);
}
