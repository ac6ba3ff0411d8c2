package io.kairos.engine.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of SQL run by the writer thread inside a group-commit transaction. */
@FunctionalInterface
public interface SqlWork {
  void run(Connection connection) throws SQLException;
}
