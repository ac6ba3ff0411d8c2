package io.kairos.engine.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Every merge of two profiles and every refused merge, in order: the audit trail and what replay re-applies. */
public interface MergeLog {

  /**
   * One merge decision.
   *
   * @param linkingIdentifier the {@code type:value} that tied the two profiles together
   * @param messageId the id the linking event is stored under ({@code events.message_id}: the client's messageId or a generated one)
   * @param merged true when {@code mergedId} was merged into {@code survivorId}; false when refused
   * @param reason why a merge was refused; null when merged
   */
  record MergeRecord(long at, String survivorId, String mergedId, String linkingIdentifier, String messageId, boolean merged,
      String reason) {}

  /** Records a decision; completes once durable. */
  CompletableFuture<Void> record(MergeRecord record);

  /** Every record in order; blocking. */
  default List<MergeRecord> all() {
    return after(0);
  }

  /** The records after position {@code seq}, in order; blocking. */
  List<MergeRecord> after(long seq);

  /** The position of the last record (0 when none); blocking. */
  long lastSeq();

  /** Records that name any of these profile ids, in order; blocking. */
  List<MergeRecord> involving(List<String> profileIds);
}
