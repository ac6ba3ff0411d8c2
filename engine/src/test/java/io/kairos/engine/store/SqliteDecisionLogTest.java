package io.kairos.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDecisionLogTest {

  @TempDir
  Path dir;

  @Test
  void aDecisionLoggedAsUtf8BytesIsStoredAndReadAsText() throws Exception {
    String body = "{\"reasons\":[\"P × value ≥ 0 — 日本 \\\"q\\\"\"],\"emoji\":\"🙂\"}";
    try (SqliteDatabase db = new SqliteDatabase(dir, true, SqliteDecisionLog.SCHEMA)) {
      SqliteDecisionLog log = new SqliteDecisionLog(db);
      log.recordDecision("d-1", "p-1", "web", null, 5L, body.getBytes(StandardCharsets.UTF_8)).get();

      assertThat(log.find("d-1")).get().satisfies(d -> {
        assertThat(d.body()).isEqualTo(body);
        assertThat(d.createdAt()).isEqualTo(5L);
      });
      String[] type = new String[1];
      db.query("SELECT typeof(body), length(body) FROM decisions WHERE decision_id = ?", List.of("d-1"),
          rs -> type[0] = rs.getString(1) + "/" + rs.getInt(2));
      assertThat(type[0]).isEqualTo("text/" + body.codePointCount(0, body.length()));
    }
  }
}
