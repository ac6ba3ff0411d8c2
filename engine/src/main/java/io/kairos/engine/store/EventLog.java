package io.kairos.engine.store;

import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** The append-only, durable history of every accepted event. */
public interface EventLog {

  /**
   * Appends all events in one transaction; completes once they are durable. Events whose dedup key
   * is stored already (earlier, or earlier in this list) are skipped: the result has their
   * positions set.
   */
  CompletableFuture<BitSet> append(List<StoredEvent> events);

  /** Streams every stored event in append order; blocking. Returns how many. */
  default long replay(Consumer<StoredEvent> consumer) {
    return replayAfter(0, consumer);
  }

  /** Streams the stored events appended after position {@code seq}, in append order; blocking. Returns how many. */
  long replayAfter(long seq, Consumer<StoredEvent> consumer);

  /** The position of the last appended event (0 when none); positions only grow, erasure does not reuse them. Blocking. */
  long lastSeq();
}
