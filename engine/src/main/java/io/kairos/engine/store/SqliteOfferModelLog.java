package io.kairos.engine.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@link OfferModelLog} as the {@code offer_models} table of a {@link SqliteDatabase}. */
public final class SqliteOfferModelLog implements OfferModelLog {

  /** Outcomes of erased people still to be taken out of the models: filled by the erasure's transaction, emptied by the learner. */
  static final String UNLEARNING_TABLE =
      "CREATE TABLE IF NOT EXISTS unlearning (seq INTEGER PRIMARY KEY AUTOINCREMENT, offer_id TEXT NOT NULL, learned TEXT NOT NULL)";

  public static final List<String> SCHEMA = List.of(
      "CREATE TABLE IF NOT EXISTS offer_models (offer_id TEXT PRIMARY KEY, features TEXT NOT NULL, body TEXT NOT NULL, "
          + "updated_at INTEGER NOT NULL)",
      UNLEARNING_TABLE);

  private final SqliteDatabase db;

  public SqliteOfferModelLog(SqliteDatabase db) {
    this.db = db;
  }

  @Override
  public CompletableFuture<Void> save(String offerId, StoredModel model) {
    return db.write(c -> {
      SqliteDatabase.update(c, "INSERT OR REPLACE INTO offer_models (offer_id, features, body, updated_at) VALUES (?, ?, ?, ?)",
          offerId, model.features(), model.body(), model.updatedAt());
    });
  }

  @Override
  public List<Unlearning> pendingUnlearning() {
    List<Unlearning> out = new ArrayList<>();
    db.query("SELECT seq, offer_id, learned FROM unlearning ORDER BY seq", List.of(),
        rs -> out.add(new Unlearning(rs.getLong(1), rs.getString(2), rs.getString(3))));
    return out;
  }

  @Override
  public CompletableFuture<Void> unlearned(String offerId, StoredModel model, long seq) {
    return db.write(c -> {
      if (model != null) {
        SqliteDatabase.update(c, "INSERT OR REPLACE INTO offer_models (offer_id, features, body, updated_at) VALUES (?, ?, ?, ?)",
            offerId, model.features(), model.body(), model.updatedAt());
      }
      SqliteDatabase.update(c, "DELETE FROM unlearning WHERE seq = ?", seq);
    });
  }

  @Override
  public Map<String, StoredModel> all() {
    Map<String, StoredModel> out = new HashMap<>();
    db.query("SELECT offer_id, features, body, updated_at FROM offer_models", List.of(),
        rs -> out.put(rs.getString(1), new StoredModel(rs.getString(2), rs.getString(3), rs.getLong(4))));
    return out;
  }
}
