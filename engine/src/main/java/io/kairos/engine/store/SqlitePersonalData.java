package io.kairos.engine.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Export and erasure over the {@code events}, {@code decisions}, {@code feedback} and {@code merges} tables of a
 * {@link SqliteDatabase}; erasure also deletes the person's rows from the grid snapshot
 * ({@link SqliteSnapshotStore}). Erasure relies on the database's {@code secure_delete} (deleted rows are
 * overwritten) and truncates the write-ahead log after committing, so no file in the data
 * directory keeps a copy. The {@code erasures} table is the audit trail: ids, times and counts only.
 */
public final class SqlitePersonalData implements PersonalDataStore {

  public static final List<String> SCHEMA = List.of(
      "CREATE TABLE IF NOT EXISTS erasures (erasure_id TEXT PRIMARY KEY, erased_at INTEGER NOT NULL, "
          + "events INTEGER NOT NULL, decisions INTEGER NOT NULL, feedback INTEGER NOT NULL)",
      "ALTER TABLE erasures ADD COLUMN learned_outcomes INTEGER",
      SqliteOfferModelLog.UNLEARNING_TABLE);

  private final SqliteDatabase db;

  public SqlitePersonalData(SqliteDatabase db) {
    this.db = db;
  }

  @Override
  public PersonalRecords read(List<String> profileIds) {
    List<String> events = new ArrayList<>();
    Map<String, String> decisions = new LinkedHashMap<>();
    Map<String, byte[]> candidates = new HashMap<>();
    for (String id : profileIds) {
      db.query("SELECT body FROM events WHERE profile_id = ? ORDER BY seq", List.of(id), rs -> events.add(rs.getString(1)));
      db.query("SELECT decision_id, body, candidates FROM decisions WHERE profile_id = ? ORDER BY created_at", List.of(id), rs -> {
        decisions.put(rs.getString(1), rs.getString(2));
        candidates.put(rs.getString(1), rs.getBytes(3));
      });
    }
    List<DecisionRecord> out = new ArrayList<>();
    decisions.forEach((decisionId, body) -> {
      List<String> feedback = new ArrayList<>();
      // A feedback that taught an offer model is exported with what it taught, under "learned".
      db.query("SELECT CASE WHEN learned IS NULL THEN body ELSE json_set(body, '$.learned', json(learned)) END FROM feedback "
          + "WHERE decision_id = ? ORDER BY seq", List.of(decisionId), rs -> feedback.add(rs.getString(1)));
      out.add(new DecisionRecord(body, candidates.get(decisionId), feedback));
    });
    return new PersonalRecords(events, out);
  }

  @Override
  public CompletableFuture<Erasure> erase(List<String> profileIds, String erasureId, long at) {
    int[] counts = new int[4];
    return db.writeAndTruncateLog(c -> {
      for (String id : profileIds) {
        counts[3] += SqliteDatabase.update(c, "INSERT INTO unlearning (offer_id, learned) SELECT f.offer_id, f.learned FROM feedback f "
            + "JOIN decisions d ON d.decision_id = f.decision_id WHERE d.profile_id = ? AND f.learned IS NOT NULL ORDER BY f.seq", id);
        counts[2] += SqliteDatabase.update(c, "DELETE FROM feedback WHERE decision_id IN (SELECT decision_id FROM decisions WHERE profile_id = ?)", id);
        counts[1] += SqliteDatabase.update(c, "DELETE FROM decisions WHERE profile_id = ?", id);
        counts[0] += SqliteDatabase.update(c, "DELETE FROM events WHERE profile_id = ?", id);
        SqliteDatabase.update(c, "DELETE FROM merges WHERE survivor_id = ? OR merged_id = ?", id, id);
        SqliteDatabase.update(c, "DELETE FROM shadow_scores WHERE profile_id = ?", id);
        SqliteDatabase.update(c, "DELETE FROM contact_log WHERE profile_id = ?", id);
        SqliteDatabase.update(c, "DELETE FROM snapshot_profiles WHERE profile_id = ?", id);
        SqliteDatabase.update(c, "DELETE FROM snapshot_links WHERE profile_id = ?", id);
      }
      SqliteDatabase.update(c,
          "INSERT INTO erasures (erasure_id, erased_at, events, decisions, feedback, learned_outcomes) VALUES (?, ?, ?, ?, ?, ?)",
          erasureId, at, counts[0], counts[1], counts[2], counts[3]);
    }).thenApply(v -> new Erasure(erasureId, at, counts[0], counts[1], counts[2], counts[3]));
  }

}
