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
      log.recordDecision("d-1", "p-1", "web", null, 5L, body.getBytes(StandardCharsets.UTF_8), null).get();

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

  @Test
  void deletingOldDecisionsTakesTheOldestFirstWithTheirFeedbackAndKeepsTheRest() throws Exception {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    try (SqliteDatabase db = new SqliteDatabase(dir, true, SqliteDecisionLog.SCHEMA)) {
      SqliteDecisionLog log = new SqliteDecisionLog(db);
      for (int i = 0; i < 5; i++) {
        log.recordDecision("old-" + i, "p-" + i, "web", null, 1_000L + i, body, null).get();
        log.recordFeedback("old-" + i, "offer-a", "click", 2_000L, "{}").get();
      }
      log.recordDecision("new", "p-9", "web", null, 9_000L, body, null).get();
      log.recordFeedback("new", "offer-a", "accept", 9_500L, "{}").get();

      assertThat(log.deleteOlderThan(5_000L, 2).get()).isEqualTo(2);
      assertThat(log.find("old-0")).isEmpty();
      assertThat(log.find("old-1")).isEmpty();
      assertThat(log.find("old-2")).get().satisfies(d -> assertThat(d.outcomes()).containsExactly("offer-a|click"));

      assertThat(log.deleteOlderThan(5_000L, 100).get()).isEqualTo(3);
      assertThat(log.deleteOlderThan(5_000L, 100).get()).isZero();
      assertThat(log.find("new")).get().satisfies(d -> assertThat(d.outcomes()).containsExactly("offer-a|accept"));
      long[] feedbackRows = new long[1];
      db.query("SELECT count(*) FROM feedback", List.of(), rs -> feedbackRows[0] = rs.getLong(1));
      assertThat(feedbackRows[0]).as("only the kept decision's feedback is left").isEqualTo(1);
    }
  }
}
