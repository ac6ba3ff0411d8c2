package io.kairos.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's file: a new one has 8 KB pages, and a file made before them opens with its own and keeps its rows.
 * Its writer: no accepted write is left waiting forever.
 */
class SqliteDatabaseTest {

  @TempDir Path dir;

  static long pageSize(SqliteDatabase db) {
    long[] size = new long[1];
    db.query("PRAGMA page_size", List.of(), rs -> size[0] = rs.getLong(1));
    return size[0];
  }

  @Test
  void aNewFileHasEightKilobytePages() {
    try (SqliteDatabase db = new SqliteDatabase(dir, false, SqliteDecisionLog.SCHEMA)) {
      assertThat(pageSize(db)).isEqualTo(SqliteDatabase.PAGE_SIZE).isEqualTo(8192);
    }
  }

  @Test
  void aFileWithFourKilobytePagesKeepsThemAndItsRows() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("kairos.db")); Statement s = c.createStatement()) {
      s.execute("PRAGMA page_size=4096");
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("CREATE TABLE feedback (seq INTEGER PRIMARY KEY AUTOINCREMENT, decision_id TEXT NOT NULL, offer_id TEXT NOT NULL, "
          + "outcome TEXT NOT NULL, created_at INTEGER NOT NULL, body TEXT NOT NULL)");
      s.execute("INSERT INTO feedback (decision_id, offer_id, outcome, created_at, body) VALUES ('d1', 'a', 'click', 1, '{}')");
    }
    try (SqliteDatabase db = new SqliteDatabase(dir, false, SqliteDecisionLog.SCHEMA)) {
      assertThat(pageSize(db)).isEqualTo(4096);
      List<String> rows = new ArrayList<>();
      db.query("SELECT decision_id, learned FROM feedback", List.of(), rs -> rows.add(rs.getString(1) + " " + rs.getString(2)));
      assertThat(rows).as("the old row, with the column added since").containsExactly("d1 null");
    }
  }

  @Test
  void aWriteThatThrowsAnErrorFailsAloneAndTheWriterGoesOn() throws Exception {
    try (SqliteDatabase db = new SqliteDatabase(dir, false, List.of("CREATE TABLE t (v TEXT)"))) {
      java.util.concurrent.CompletableFuture<Void> broken = db.write(c -> {
        throw new StackOverflowError("deep");
      });
      assertThat(broken).failsWithin(java.time.Duration.ofSeconds(10))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .withCauseInstanceOf(io.kairos.engine.error.UnavailableException.class).withMessageContaining("deep");
      java.util.concurrent.CompletableFuture<Void> next = db.write(c -> SqliteDatabase.update(c, "INSERT INTO t (v) VALUES (?)", "after"));
      assertThat(next).succeedsWithin(java.time.Duration.ofSeconds(10));
      List<String> rows = new ArrayList<>();
      db.query("SELECT v FROM t", List.of(), rs -> rows.add(rs.getString(1)));
      assertThat(rows).containsExactly("after");
      assertThat(db.isOpen()).isTrue();
    }
  }

  @Test
  void writesAfterTheWriterStoppedFailAtOnce() throws Exception {
    SqliteDatabase db = new SqliteDatabase(dir, false, List.of("CREATE TABLE t (v TEXT)"));
    db.close();
    assertThat(db.write(c -> {})).failsWithin(java.time.Duration.ofSeconds(1))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class).withMessageContaining("the event store is closed");
  }
}
