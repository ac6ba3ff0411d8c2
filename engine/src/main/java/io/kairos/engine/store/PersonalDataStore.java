package io.kairos.engine.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What the durable store holds about one person, for export and erasure (GDPR articles 15 and 17). */
public interface PersonalDataStore {

  /** One logged decision about the person (its JSON record and packed candidates, or null) and the feedback on it, as stored JSON. */
  record DecisionRecord(String body, byte[] candidates, List<String> feedback) {}

  /** The person's stored events (enriched JSON, in order) and decisions. */
  record PersonalRecords(List<String> events, List<DecisionRecord> decisions) {}

  /**
   * An erasure's audit record: how much was removed, and nothing about whom. {@code learnedOutcomes} of the feedback rows had
   * taught an offer model; they are queued for unlearning in the same transaction.
   */
  record Erasure(String erasureId, long at, int events, int decisions, int feedback, int learnedOutcomes) {}

  /** Everything stored under these profile ids. Blocking: call from a worker. */
  PersonalRecords read(List<String> profileIds);

  /**
   * Deletes every event, decision and feedback row of these profile ids and records an audit row,
   * in one transaction that also queues what their feedback taught the offer models for unlearning;
   * completes once durable and the write-ahead log no longer holds the rows.
   */
  CompletableFuture<Erasure> erase(List<String> profileIds, String erasureId, long at);
}
