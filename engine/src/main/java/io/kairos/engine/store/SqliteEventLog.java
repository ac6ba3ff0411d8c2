package io.kairos.engine.store;

import java.sql.PreparedStatement;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** The event history as the {@code events} table of a {@link SqliteDatabase}. */
public final class SqliteEventLog implements EventLog {

  public static final List<String> SCHEMA = List.of(
      "CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY AUTOINCREMENT, profile_id TEXT NOT NULL, "
          + "message_id TEXT NOT NULL, type TEXT NOT NULL, channel TEXT NOT NULL, ts INTEGER NOT NULL, "
          + "received_at INTEGER NOT NULL, body TEXT NOT NULL, dedup_key TEXT)",
      "CREATE UNIQUE INDEX IF NOT EXISTS events_dedup ON events (dedup_key) WHERE dedup_key IS NOT NULL",
      "CREATE INDEX IF NOT EXISTS events_profile ON events (profile_id)");

  /** A row whose client messageId is stored already is skipped (update count 0), atomically with the append. */
  private static final String INSERT =
      "INSERT INTO events (profile_id, message_id, type, channel, ts, received_at, body, dedup_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
          + "ON CONFLICT (dedup_key) WHERE dedup_key IS NOT NULL DO NOTHING";

  private final SqliteDatabase db;

  public SqliteEventLog(SqliteDatabase db) {
    this.db = db;
  }

  @Override
  public CompletableFuture<BitSet> append(List<StoredEvent> events) {
    BitSet skipped = new BitSet(events.size());
    return db.write(connection -> {
      try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
        for (StoredEvent e : events) {
          ps.setString(1, e.profileId());
          ps.setString(2, e.messageId());
          ps.setString(3, e.type());
          ps.setString(4, e.channel());
          ps.setLong(5, e.timestamp());
          ps.setLong(6, e.receivedAt());
          ps.setString(7, e.body());
          ps.setString(8, e.dedupKey());
          ps.addBatch();
        }
        int[] counts = ps.executeBatch();
        for (int i = 0; i < counts.length; i++) {
          if (counts[i] == 0) {
            skipped.set(i);
          }
        }
      }
    }).thenApply(v -> skipped);
  }

  @Override
  public long replayAfter(long seq, Consumer<StoredEvent> consumer) {
    long[] n = {0};
    db.query("SELECT profile_id, message_id, dedup_key, type, channel, ts, received_at, body FROM events WHERE seq > ? ORDER BY seq",
        List.of(Long.toString(seq)),
        rs -> {
          consumer.accept(new StoredEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getLong(6), rs.getLong(7), rs.getString(8)));
          n[0]++;
        });
    return n[0];
  }

  @Override
  public long lastSeq() {
    return db.lastSeq("events");
  }
}
