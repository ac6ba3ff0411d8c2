package io.kairos.engine.store;

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
      SqliteDatabase.update(c, "INSERT INTO offer_changes (version, at, action, offer_id, body) VALUES (?, ?, ?, ?, ?)",
          change.version(), change.at(), change.action(), change.offerId(), change.body());
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
