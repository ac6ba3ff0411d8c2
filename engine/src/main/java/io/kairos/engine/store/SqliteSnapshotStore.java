package io.kairos.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The snapshot as three tables of a {@link SqliteDatabase}: {@code snapshot_position} (one row),
 * {@code snapshot_profiles} and {@code snapshot_links}. Living in the same database as the events lets
 * erasure remove a person from both in one transaction ({@link SqlitePersonalData}).
 */
public final class SqliteSnapshotStore implements SnapshotStore {

  public static final List<String> SCHEMA = List.of(
      "CREATE TABLE IF NOT EXISTS snapshot_position (id INTEGER PRIMARY KEY CHECK (id = 1), event_seq INTEGER NOT NULL, "
          + "merge_seq INTEGER NOT NULL, taken_at INTEGER NOT NULL, format TEXT NOT NULL)",
      // A rowid table: a profile (about 1.3 KB) fits in its leaf cell, where an index B-tree (WITHOUT ROWID) would spill it to an overflow page.
      "CREATE TABLE IF NOT EXISTS snapshot_profiles (profile_id TEXT NOT NULL UNIQUE, body BLOB NOT NULL)",
      // Keyed by owner: erasure deletes by profile id, and rows written in owner order fill the B-tree page after page.
      "CREATE TABLE IF NOT EXISTS snapshot_links (profile_id TEXT NOT NULL, link_key TEXT NOT NULL, PRIMARY KEY (profile_id, link_key)) "
          + "WITHOUT ROWID");

  private static final int BATCH = 1_000;
  private static final int CACHE_KIB = 256 * 1024;
  /** SQLite's default page cache (-2000: 2,000 KiB), restored after a snapshot. */
  private static final int DEFAULT_CACHE_PAGES = -2000;

  private final SqliteDatabase db;

  public SqliteSnapshotStore(SqliteDatabase db) {
    this.db = db;
  }

  @Override
  public Optional<Position> position() {
    Position[] found = {null};
    db.query("SELECT event_seq, merge_seq, taken_at, format FROM snapshot_position WHERE id = 1", List.of(),
        rs -> found[0] = new Position(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
    return Optional.ofNullable(found[0]);
  }

  @Override
  public void read(Rows into) {
    db.query("SELECT profile_id, body FROM snapshot_profiles", List.of(), rs -> into.profile(rs.getString(1), rs.getBytes(2)));
    db.query("SELECT link_key, profile_id FROM snapshot_links", List.of(), rs -> into.link(rs.getString(1), rs.getString(2)));
  }

  @Override
  public CompletableFuture<Void> replace(Position position, Consumer<Rows> contents) {
    return db.write(c -> {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA cache_size = -" + CACHE_KIB); // a snapshot is one large transaction: keep its pages in memory
        s.executeUpdate("DELETE FROM snapshot_position");
        s.executeUpdate("DELETE FROM snapshot_profiles");
        s.executeUpdate("DELETE FROM snapshot_links");
      }
      try (BatchedRows rows = new BatchedRows(c)) {
        contents.accept(rows);
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO snapshot_position (id, event_seq, merge_seq, taken_at, format) VALUES (1, ?, ?, ?, ?)")) {
        ps.setLong(1, position.eventSeq());
        ps.setLong(2, position.mergeSeq());
        ps.setLong(3, position.takenAt());
        ps.setString(4, position.format());
        ps.executeUpdate();
      }
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA cache_size = " + DEFAULT_CACHE_PAGES);
      }
    });
  }

  /** Inserts rows in JDBC batches; SQL failures surface unchecked so the group commit rolls back. */
  private static final class BatchedRows implements Rows, AutoCloseable {
    private final Batch profiles;
    private final Batch links;

    BatchedRows(Connection c) throws SQLException {
      profiles = new Batch(c.prepareStatement("INSERT INTO snapshot_profiles (profile_id, body) VALUES (?, ?)"));
      links = new Batch(c.prepareStatement("INSERT INTO snapshot_links (profile_id, link_key) VALUES (?, ?)"));
    }

    @Override
    public void profile(String profileId, byte[] body) {
      profiles.add(profileId, body);
    }

    @Override
    public void link(String key, String profileId) {
      links.add(profileId, key);
    }

    @Override
    public void close() throws SQLException {
      try (Batch p = profiles; Batch l = links) {
        p.flush();
        l.flush();
      }
    }
  }

  /** One insert statement, executed every {@link #BATCH} rows. */
  private static final class Batch implements AutoCloseable {
    private final PreparedStatement insert;
    private int pending;

    Batch(PreparedStatement insert) {
      this.insert = insert;
    }

    void add(String first, Object second) {
      try {
        insert.setString(1, first);
        insert.setObject(2, second);
        insert.addBatch();
        if (++pending == BATCH) {
          flush();
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot write the snapshot: " + e.getMessage(), e);
      }
    }

    void flush() throws SQLException {
      insert.executeBatch();
      pending = 0;
    }

    @Override
    public void close() throws SQLException {
      insert.close();
    }
  }
}
