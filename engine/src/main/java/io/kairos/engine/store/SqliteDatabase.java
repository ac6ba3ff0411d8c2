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

  /**
   * How long the writer may hold a group of only {@link #writeGathered} work open for more. Logged decisions arrive one by
   * one from parallel decides, and a commit per one or two of them cost the writer 66 µs per decision against 39 µs when 80
   * were committed together ({@code bin/kairos bench-decision-log}, BENCHMARKS.md, 2026-12-03).
   */
  static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

  private record Task(SqlWork work, CompletableFuture<Void> done, boolean checkpoint, boolean patient) {}

  /**
   * 8 KB pages: a logged decision of about 2.5 KB took a whole 4 KB page, three fit in 8 KB, and the decision log
   * came out a third smaller ({@code bin/kairos bench-decision-log}, BENCHMARKS.md, 2026-12-03).
   */
  public static final int PAGE_SIZE = 8192;
  /** The store writer thread's name. */
  public static final String WRITER_THREAD = "kairos-store-writer";

  private final Connection writer;
  private final Connection reader;
  private final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean running = true;

  public SqliteDatabase(Path dataDir, boolean fsync, List<String> schema) {
    this(dataDir, fsync, schema, PAGE_SIZE);
  }

  /** With another page size for a new file ({@code bin/kairos bench-decision-log --page-size} compares them). */
  public SqliteDatabase(Path dataDir, boolean fsync, List<String> schema, int pageSize) {
    try {
      Files.createDirectories(dataDir);
      String url = "jdbc:sqlite:" + dataDir.resolve("kairos.db");
      this.writer = DriverManager.getConnection(url);
      try (Statement s = writer.createStatement()) {
        s.execute("PRAGMA page_size=" + pageSize); // a new file only: an existing one keeps its page size
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
    this.thread = new Thread(this::writeLoop, WRITER_THREAD);
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
    return enqueue(work, false, false);
  }

  /**
   * Queues work nobody waits for (a logged decision): the writer may wait up to 2 ms for more before committing a group
   * made only of such work, so they share a commit; work anyone waits for is never held back by it.
   */
  public CompletableFuture<Void> writeGathered(SqlWork work) {
    return enqueue(work, false, true);
  }

  /**
   * Queues work whose commit is followed by a full checkpoint that truncates the write-ahead log, so
   * no copy of overwritten or deleted pages stays in {@code kairos.db-wal} (used by erasure).
   */
  public CompletableFuture<Void> writeAndTruncateLog(SqlWork work) {
    return enqueue(work, true, false);
  }

  private CompletableFuture<Void> enqueue(SqlWork work, boolean checkpoint, boolean patient) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!running) {
      done.completeExceptionally(new UnavailableException("store_closed", "the event store is closed", null));
      return done;
    }
    queue.add(new Task(work, done, checkpoint, patient));
    if (!thread.isAlive()) {
      failQueued(List.of()); // the writer stopped between the check and the add: nobody else will answer this work
    }
    return done;
  }

  /** Fails {@code taken} and every queued write: the writer has stopped, so none of them will ever be committed. */
  private void failQueued(List<Task> taken) {
    UnavailableException closed = new UnavailableException("store_closed", "the event store is closed", null);
    taken.forEach(t -> t.done().completeExceptionally(closed));
    for (Task t; (t = queue.poll()) != null; ) {
      t.done().completeExceptionally(closed);
    }
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

  /**
   * Commits groups until closed and the queue is empty. However it ends (closed, interrupted), it leaves no
   * write waiting: work it had taken or that is still queued fails with {@code store_closed}.
   */
  private void writeLoop() {
    List<Task> group = new ArrayList<>(MAX_GROUP);
    try {
      while (running || !queue.isEmpty()) {
        try {
          Task first = queue.poll(50, TimeUnit.MILLISECONDS);
          if (first == null) {
            continue;
          }
          group.add(first);
          queue.drainTo(group, MAX_GROUP - 1);
          gather(group);
          commit(group);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          LOG.error("store writer interrupted: the store stops taking writes");
          break;
        } finally {
          group.clear();
        }
      }
    } finally {
      running = false;
      failQueued(group); // the group: taken but not committed (interrupted while gathering)
    }
  }

  /** While the group holds only patient work, waits up to {@link #GATHER_NANOS} for more (until urgent work or a full group). */
  private void gather(List<Task> group) throws InterruptedException {
    long deadline = System.nanoTime() + GATHER_NANOS;
    int checked = 0;
    while (group.size() < MAX_GROUP) {
      for (; checked < group.size(); checked++) {
        if (!group.get(checked).patient()) {
          return;
        }
      }
      long left = deadline - System.nanoTime();
      Task next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
      if (next == null) {
        return;
      }
      group.add(next);
      queue.drainTo(group, MAX_GROUP - group.size());
    }
  }

  private void commit(List<Task> group) {
    try {
      for (Task t : group) {
        t.work().run(writer);
      }
      writer.commit();
    } catch (SQLException | RuntimeException | Error e) {
      // An Error too (a stack overflow in one write, say): the group fails and the writer goes on, else every later
      // write, and a stop waiting for its snapshot, would wait forever.
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
