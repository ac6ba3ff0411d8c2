package io.kairos.engine.store;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@link OfferChangeLog} as a table of a {@link SqliteDatabase}. */
public final class SqliteOfferChangeLog implements OfferChangeLog {

  public static final List<String> SCHEMA = List.of(
      "CREATE TABLE IF NOT EXISTS offer_changes (version INTEGER PRIMARY KEY, at INTEGER NOT NULL, action TEXT NOT NULL, "
          + "offer_id TEXT NOT NULL, body TEXT)");

  private final SqliteDatabase db;

  public SqliteOfferChangeLog(SqliteDatabase db) {
    this.db = db;
  }

  @Override
  public CompletableFuture<Void> append(OfferChange change) {
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO offer_changes (version, at, action, offer_id, body) VALUES (?, ?, ?, ?, ?)")) {
        ps.setLong(1, change.version());
        ps.setLong(2, change.at());
        ps.setString(3, change.action());
        ps.setString(4, change.offerId());
        ps.setString(5, change.body());
        ps.executeUpdate();
      }
    });
  }

  @Override
  public List<OfferChange> all() {
    List<OfferChange> out = new ArrayList<>();
    db.query("SELECT version, at, action, offer_id, body FROM offer_changes ORDER BY version", List.of(),
        rs -> out.add(new OfferChange(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5))));
    return out;
  }
}
