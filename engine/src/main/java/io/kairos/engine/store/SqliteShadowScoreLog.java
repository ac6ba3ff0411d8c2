package io.kairos.engine.store;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@link ShadowScoreLog} as a table of a {@link SqliteDatabase}. */
public final class SqliteShadowScoreLog implements ShadowScoreLog {

  public static final List<String> SCHEMA = List.of(
      "CREATE TABLE IF NOT EXISTS shadow_scores (seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, profile_id TEXT NOT NULL, "
          + "champion TEXT NOT NULL, champion_score REAL NOT NULL, challenger TEXT NOT NULL, challenger_score REAL NOT NULL)",
      "CREATE INDEX IF NOT EXISTS shadow_scores_profile ON shadow_scores (profile_id)");

  private final SqliteDatabase db;

  public SqliteShadowScoreLog(SqliteDatabase db) {
    this.db = db;
  }

  @Override
  public CompletableFuture<Void> record(List<ShadowScore> scores) {
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO shadow_scores (at, profile_id, champion, champion_score, "
          + "challenger, challenger_score) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (ShadowScore s : scores) {
          ps.setLong(1, s.at());
          ps.setString(2, s.profileId());
          ps.setString(3, s.champion());
          ps.setDouble(4, s.championScore());
          ps.setString(5, s.challenger());
          ps.setDouble(6, s.challengerScore());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    });
  }

  @Override
  public List<ShadowScore> recent(int limit) {
    List<ShadowScore> out = new ArrayList<>();
    db.query("SELECT at, profile_id, champion, champion_score, challenger, challenger_score FROM shadow_scores "
        + "ORDER BY seq DESC LIMIT " + Math.max(0, limit), List.of(), rs -> out.add(new ShadowScore(rs.getLong(1), rs.getString(2),
        rs.getString(3), rs.getDouble(4), rs.getString(5), rs.getDouble(6))));
    return out;
  }
}
