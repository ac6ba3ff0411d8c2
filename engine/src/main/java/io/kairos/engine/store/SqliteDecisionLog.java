package io.kairos.engine.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Decisions and feedback as tables of a {@link SqliteDatabase}. */
public final class SqliteDecisionLog implements DecisionLog {

  public static final List<String> SCHEMA = List.of(
      "CREATE TABLE IF NOT EXISTS decisions (decision_id TEXT PRIMARY KEY, profile_id TEXT, channel TEXT NOT NULL, "
          + "placement TEXT, created_at INTEGER NOT NULL, body TEXT NOT NULL)",
      // Since 2026-12-03 the candidates are packed here instead of inside body (older rows keep them in body).
      "ALTER TABLE decisions ADD COLUMN candidates BLOB",
      "CREATE TABLE IF NOT EXISTS feedback (seq INTEGER PRIMARY KEY AUTOINCREMENT, decision_id TEXT NOT NULL, "
          + "offer_id TEXT NOT NULL, outcome TEXT NOT NULL, created_at INTEGER NOT NULL, body TEXT NOT NULL)",
      // Since 2026-12-03: what the offer's model learned from the outcome, for erasure (null: it taught none, or older row).
      "ALTER TABLE feedback ADD COLUMN learned TEXT",
      "CREATE INDEX IF NOT EXISTS decisions_profile ON decisions (profile_id)",
      "CREATE INDEX IF NOT EXISTS decisions_created ON decisions (created_at)",
      "CREATE INDEX IF NOT EXISTS feedback_decision ON feedback (decision_id)",
      "CREATE INDEX IF NOT EXISTS feedback_outcome_at ON feedback (outcome, created_at)");

  private final SqliteDatabase db;

  public SqliteDecisionLog(SqliteDatabase db) {
    this.db = db;
  }

  @Override
  public CompletableFuture<Void> recordDecision(String decisionId, String profileId, String channel, String placement, long at, byte[] body,
      byte[] candidates) {
    // Bound as bytes and cast in SQLite: UTF-8 bytes become TEXT without a conversion on either side.
    return db.writeGathered(c -> {
      SqliteDatabase.update(c,
          "INSERT INTO decisions (decision_id, profile_id, channel, placement, created_at, body, candidates) "
              + "VALUES (?, ?, ?, ?, ?, CAST(? AS TEXT), ?)",
          decisionId, profileId, channel, placement, at, body, candidates);
    });
  }

  @Override
  public Optional<StoredDecision> find(String decisionId) {
    String[] body = new String[1];
    long[] at = new long[1];
    db.query("SELECT body, created_at FROM decisions WHERE decision_id = ?", List.of(decisionId), rs -> {
      body[0] = rs.getString(1);
      at[0] = rs.getLong(2);
    });
    if (body[0] == null) {
      return Optional.empty();
    }
    List<String> outcomes = new ArrayList<>();
    db.query("SELECT offer_id, outcome FROM feedback WHERE decision_id = ? ORDER BY seq", List.of(decisionId),
        rs -> outcomes.add(rs.getString(1) + "|" + rs.getString(2)));
    return Optional.of(new StoredDecision(body[0], at[0], outcomes));
  }

  @Override
  public List<Shown> unanswered(String shown, List<String> answers, long from, long to, long afterSeq, int limit) {
    List<String> args = new ArrayList<>(List.of(shown, Long.toString(from), Long.toString(to), Long.toString(afterSeq)));
    args.addAll(answers);
    args.add(Integer.toString(limit));
    String in = String.join(", ", java.util.Collections.nCopies(answers.size(), "?"));
    List<Shown> out = new ArrayList<>();
    db.query("SELECT f.seq, f.decision_id, f.offer_id FROM feedback f WHERE f.outcome = ? AND f.created_at >= ? AND f.created_at < ? "
        + "AND f.seq > ? AND NOT EXISTS (SELECT 1 FROM feedback g WHERE g.decision_id = f.decision_id AND g.offer_id = f.offer_id "
        + "AND g.outcome IN (" + in + ")) ORDER BY f.seq LIMIT ?", args,
        rs -> out.add(new Shown(rs.getLong(1), rs.getString(2), rs.getString(3))));
    return out;
  }

  @Override
  public CompletableFuture<Integer> deleteOlderThan(long cutoff, int limit) {
    String oldest = "SELECT decision_id FROM decisions WHERE created_at < ? ORDER BY created_at LIMIT ?";
    int[] deleted = new int[1];
    return db.write(c -> {
      SqliteDatabase.update(c, "DELETE FROM feedback WHERE decision_id IN (" + oldest + ")", cutoff, limit);
      deleted[0] = SqliteDatabase.update(c, "DELETE FROM decisions WHERE decision_id IN (" + oldest + ")", cutoff, limit);
    }).thenApply(done -> deleted[0]);
  }

  @Override
  public CompletableFuture<Void> recordFeedback(String decisionId, String offerId, String outcome, long at, String body,
      String learned) {
    return db.write(c -> {
      SqliteDatabase.update(c,
          "INSERT INTO feedback (decision_id, offer_id, outcome, created_at, body, learned) VALUES (?, ?, ?, ?, ?, ?)",
          decisionId, offerId, outcome, at, body, learned);
    });
  }
}
