package io.kairos.engine.store;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** {@link ContactLog} as the {@code contact_log} table of a {@link SqliteDatabase}; erasure deletes a person's rows. */
public final class SqliteContactLog implements ContactLog {

  public static final List<String> SCHEMA = List.of(
      "CREATE TABLE IF NOT EXISTS contact_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, profile_id TEXT NOT NULL, offer_id TEXT NOT NULL, "
          + "grp TEXT, channel TEXT NOT NULL, kind TEXT NOT NULL, at INTEGER NOT NULL)",
      "CREATE INDEX IF NOT EXISTS contact_log_profile ON contact_log (profile_id)",
      "CREATE INDEX IF NOT EXISTS contact_log_at ON contact_log (at)");

  private final SqliteDatabase db;

  public SqliteContactLog(SqliteDatabase db) {
    this.db = db;
  }

  @Override
  public CompletableFuture<Void> append(List<ContactRow> rows) {
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO contact_log (profile_id, offer_id, grp, channel, kind, at) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (ContactRow r : rows) {
          ps.setString(1, r.profileId());
          ps.setString(2, r.offerId());
          ps.setString(3, r.group());
          ps.setString(4, r.channel());
          ps.setString(5, r.kind());
          ps.setLong(6, r.at());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    });
  }

  @Override
  public void since(long since, Consumer<ContactRow> reader) {
    db.query("SELECT profile_id, offer_id, grp, channel, kind, at FROM contact_log WHERE at >= ? ORDER BY seq", List.of(Long.toString(since)),
        rs -> reader.accept(new ContactRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getLong(6))));
  }
}
