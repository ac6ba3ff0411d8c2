package io.kairos.engine.store;

import io.kairos.engine.error.UnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** The event history as the {@code events} table of a {@link SqliteDatabase}. */
public final class SqliteEventLog implements EventLog {

  public static final List<String> SCHEMA = List.of(
      "CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY AUTOINCREMENT, profile_id TEXT NOT NULL, "
          + "message_id TEXT NOT NULL, type TEXT NOT NULL, channel TEXT NOT NULL, ts INTEGER NOT NULL, "
          + "received_at INTEGER NOT NULL, body TEXT NOT NULL)");

  private static final String INSERT =
      "INSERT INTO events (profile_id, message_id, type, channel, ts, received_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)";

  private final SqliteDatabase db;

  public SqliteEventLog(SqliteDatabase db) {
    this.db = db;
  }

  @Override
  public CompletableFuture<Void> append(List<StoredEvent> events) {
    return db.write(connection -> {
      try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
        for (StoredEvent e : events) {
          ps.setString(1, e.profileId());
          ps.setString(2, e.messageId());
          ps.setString(3, e.type());
          ps.setString(4, e.channel());
          ps.setLong(5, e.timestamp());
          ps.setLong(6, e.receivedAt());
          ps.setString(7, e.body());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    });
  }

  @Override
  public long replay(Consumer<StoredEvent> consumer) {
    Connection c = db.reader();
    synchronized (c) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT profile_id, message_id, type, channel, ts, received_at, body FROM events ORDER BY seq")) {
        long n = 0;
        while (rs.next()) {
          consumer.accept(new StoredEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
              rs.getLong(6), rs.getString(7)));
          n++;
        }
        return n;
      } catch (SQLException e) {
        throw new UnavailableException("store_read_failed", "cannot read the event history: " + e.getMessage(), e);
      }
    }
  }
}
