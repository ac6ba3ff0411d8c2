package io.kairos.engine.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The {@code merges} table of a {@link SqliteDatabase}. */
public final class SqliteMergeLog implements MergeLog {

  public static final List<String> SCHEMA = List.of(
      "CREATE TABLE IF NOT EXISTS merges (seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, survivor_id TEXT NOT NULL, "
          + "merged_id TEXT NOT NULL, linking_identifier TEXT NOT NULL, message_id TEXT, merged INTEGER NOT NULL, reason TEXT)",
      "CREATE INDEX IF NOT EXISTS merges_survivor ON merges (survivor_id)",
      "CREATE INDEX IF NOT EXISTS merges_merged ON merges (merged_id)");

  private static final String COLUMNS = "at, survivor_id, merged_id, linking_identifier, message_id, merged, reason";

  private final SqliteDatabase db;

  public SqliteMergeLog(SqliteDatabase db) {
    this.db = db;
  }

  @Override
  public CompletableFuture<Void> record(MergeRecord r) {
    return db.write(c -> {
      SqliteDatabase.update(c, "INSERT INTO merges (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", r.at(), r.survivorId(),
          r.mergedId(), r.linkingIdentifier(), r.messageId(), r.merged() ? 1 : 0, r.reason());
    });
  }

  @Override
  public List<MergeRecord> after(long seq) {
    return query("SELECT " + COLUMNS + " FROM merges WHERE seq > ? ORDER BY seq", List.of(Long.toString(seq)));
  }

  @Override
  public long lastSeq() {
    return db.lastSeq("merges");
  }

  @Override
  public List<MergeRecord> involving(List<String> profileIds) {
    if (profileIds.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", Collections.nCopies(profileIds.size(), "?"));
    List<String> args = new ArrayList<>(profileIds);
    args.addAll(profileIds);
    return query("SELECT " + COLUMNS + " FROM merges WHERE survivor_id IN (" + marks + ") OR merged_id IN (" + marks + ") ORDER BY seq",
        args);
  }

  private List<MergeRecord> query(String sql, List<String> args) {
    List<MergeRecord> out = new ArrayList<>();
    db.query(sql, args, rs -> out.add(new MergeRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getInt(6) == 1, rs.getString(7))));
    return out;
  }
}
