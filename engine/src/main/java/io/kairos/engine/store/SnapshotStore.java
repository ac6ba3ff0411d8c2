package io.kairos.engine.store;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One durable snapshot of the grid: every profile (as opaque bytes) and every identifier link, with
 * the event-log and merge-log positions it reflects. A start loads it and replays only what the logs
 * hold after those positions, which stays correct after a crash (the snapshot is never newer than the
 * logs). Erasure deletes a person's rows here in the same transaction as their events.
 */
public interface SnapshotStore {

  /**
   * What a snapshot reflects: every event up to {@code eventSeq} and every merge record up to
   * {@code mergeSeq}. {@code format} names the encoding of the profile bytes; a snapshot in another
   * format is not loaded.
   */
  record Position(long eventSeq, long mergeSeq, long takenAt, String format) {}

  /** Receives a snapshot's rows, when writing one or reading it back. */
  interface Rows {
    void profile(String profileId, byte[] body);

    void link(String key, String profileId);
  }

  /** The current snapshot's position, if there is one; blocking. */
  Optional<Position> position();

  /** Passes every row of the current snapshot to {@code into}; blocking. */
  void read(Rows into);

  /**
   * Replaces the snapshot with what {@code contents} writes to the {@link Rows} it is given, in one
   * transaction on the store's writer (nothing else is written meanwhile); completes once durable.
   */
  CompletableFuture<Void> replace(Position position, Consumer<Rows> contents);
}
