package io.kairos.engine.store;

import io.kairos.engine.error.UnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SQLite database file with a single writer thread. Writers enqueue {@link SqlWork}; the
 * thread drains whatever is queued into one transaction and commits it (with
 * {@code synchronous=FULL} the commit fsyncs the write-ahead log), then completes every
 * caller's future. A future completes only after its rows are durable, so acknowledging after it
 * is safe against {@code kill -9}; batching concurrent callers into one commit is what makes that
 * affordable. Reads use a separate connection (WAL readers do not block the writer).
 */
public final class SqliteDatabase implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);
  private static final int MAX_GROUP = 1024;

  private record Task(SqlWork work, CompletableFuture<Void> done, boolean checkpoint) {}

  private final Connection writer;
  private final Connection reader;
  private final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean running = true;

  public SqliteDatabase(Path dataDir, boolean fsync, List<String> schema) {
    try {
      Files.createDirectories(dataDir);
      String url = "jdbc:sqlite:" + dataDir.resolve("kairos.db");
      this.writer = DriverManager.getConnection(url);
      try (Statement s = writer.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=" + (fsync ? "FULL" : "NORMAL"));
        s.execute("PRAGMA busy_timeout=5000");
        s.execute("PRAGMA secure_delete=ON"); // erased rows are overwritten, not left in free pages
        for (String ddl : schema) {
          apply(s, ddl);
        }
      }
      writer.setAutoCommit(false);
      this.reader = DriverManager.getConnection(url);
    } catch (IOException | SQLException e) {
      throw new UnavailableException("store_unavailable", "cannot open the event store in " + dataDir + ": " + e.getMessage(), e);
    }
    this.thread = new Thread(this::writeLoop, "kairos-store-writer");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /**
   * Runs one schema statement. SQLite has no {@code ADD COLUMN IF NOT EXISTS}, so a column added by
   * an earlier start is recognized by SQLite's "duplicate column name" and skipped.
   */
  private static void apply(Statement s, String ddl) throws SQLException {
    try {
      s.execute(ddl);
    } catch (SQLException e) {
      boolean addColumn = ddl.startsWith("ALTER TABLE") && ddl.contains(" ADD COLUMN ");
      if (!addColumn || e.getMessage() == null || !e.getMessage().contains("duplicate column name")) {
        throw e;
      }
    }
  }

  /** Queues work for the next group commit; the future completes once it is durable. */
  public CompletableFuture<Void> write(SqlWork work) {
    return enqueue(work, false);
  }

  /**
   * Queues work whose commit is followed by a full checkpoint that truncates the write-ahead log, so
   * no copy of overwritten or deleted pages stays in {@code kairos.db-wal} (used by erasure).
   */
  public CompletableFuture<Void> writeAndTruncateLog(SqlWork work) {
    return enqueue(work, true);
  }

  private CompletableFuture<Void> enqueue(SqlWork work, boolean checkpoint) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!running) {
      done.completeExceptionally(new UnavailableException("store_closed", "the event store is closed", null));
      return done;
    }
    queue.add(new Task(work, done, checkpoint));
    return done;
  }

  /** Receives one row of a {@link #query}. */
  @FunctionalInterface
  public interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  /**
   * Runs one statement with these arguments on a write connection (inside a {@link #write} task),
   * binding each by its type ({@code String}, {@code Long}, {@code Integer}, null); returns the row count.
   */
  public static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    }
  }

  /**
   * Runs a read on the read connection (WAL readers do not block the writer), passing each row to
   * {@code reader}; blocking. A failure is an {@link UnavailableException} {@code store_read_failed}.
   */
  public void query(String sql, List<String> args, RowReader reader) {
    synchronized (this.reader) {
      try (PreparedStatement ps = this.reader.prepareStatement(sql)) {
        for (int i = 0; i < args.size(); i++) {
          ps.setString(i + 1, args.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            reader.read(rs);
          }
        }
      } catch (SQLException e) {
        throw new UnavailableException("store_read_failed", "cannot read the store: " + e.getMessage(), e);
      }
    }
  }

  /**
   * The largest {@code seq} ever handed out in an {@code AUTOINCREMENT} table (0 when none), from
   * {@code sqlite_sequence}, so rows deleted by erasure do not lower it. Blocking.
   */
  public long lastSeq(String table) {
    long[] seq = {0};
    query("SELECT seq FROM sqlite_sequence WHERE name = ?", List.of(table), rs -> seq[0] = rs.getLong(1));
    return seq[0];
  }

  public int queueDepth() {
    return queue.size();
  }

  public boolean isOpen() {
    return running && thread.isAlive();
  }

  private void writeLoop() {
    List<Task> group = new ArrayList<>(MAX_GROUP);
    while (running || !queue.isEmpty()) {
      try {
        Task first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        group.add(first);
        queue.drainTo(group, MAX_GROUP - 1);
        commit(group);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } finally {
        group.clear();
      }
    }
  }

  private void commit(List<Task> group) {
    try {
      for (Task t : group) {
        t.work().run(writer);
      }
      writer.commit();
    } catch (SQLException | RuntimeException e) {
      LOG.error("group commit of {} writes failed", group.size(), e);
      try {
        writer.rollback();
      } catch (SQLException rollback) {
        LOG.error("rollback failed", rollback);
      }
      UnavailableException failure = new UnavailableException("store_write_failed", "the event store could not write: " + e.getMessage(), e);
      group.forEach(t -> t.done().completeExceptionally(failure));
      return;
    }
    UnavailableException truncateFailure = group.stream().anyMatch(Task::checkpoint) ? truncateLog() : null;
    group.forEach(t -> {
      if (t.checkpoint() && truncateFailure != null) {
        t.done().completeExceptionally(truncateFailure);
      } else {
        t.done().complete(null);
      }
    });
  }

  /** Checkpoints everything and truncates the write-ahead log; returns the failure, or null. */
  private UnavailableException truncateLog() {
    try {
      writer.setAutoCommit(true);
      try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
        if (rs.next() && rs.getInt(1) != 0) {
          return new UnavailableException("store_busy", "committed, but the write-ahead log could not be truncated (busy); retry", null);
        }
      } finally {
        writer.setAutoCommit(false);
      }
      return null;
    } catch (SQLException e) {
      LOG.error("write-ahead log checkpoint failed", e);
      return new UnavailableException("store_write_failed", "committed, but the write-ahead log could not be truncated: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      writer.close();
      synchronized (reader) {
        reader.close();
      }
    } catch (SQLException e) {
      LOG.warn("closing the store: {}", e.getMessage());
    }
  }
}
