package io.kairos.engine.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kairos.engine.decide.DecisionCandidate;
import io.kairos.engine.decide.LoggedCandidates;
import io.kairos.engine.store.SqliteDatabase;
import io.kairos.engine.store.SqliteDecisionLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decision log written before the candidates were packed (they are inside each JSON record, and
 * the table has no candidates column) is evaluated as it is, and again after a newer engine opened
 * it, added the column and logged packed decisions beside the old ones.
 */
class EngineLogEvaluationTest {

  @TempDir
  Path dir;

  private static final String OLD_RECORD = """
      {"decisionId": "old", "offers": [{"offerId": "a"}], "candidates": {"offerId": ["a", "b"], "acceptance": [0.3, 0.1],
       "logitSd": [0.4, 0.5], "multiplier": [40.0, 5.0], "probability": [0.9, 0.2], "firstProbability": [0.8, 0.2]}}""";

  @Test
  void logsFromBeforeAndAfterPackingAreEvaluatedAlike() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("kairos.db")); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE decisions (decision_id TEXT PRIMARY KEY, profile_id TEXT, channel TEXT NOT NULL, "
          + "placement TEXT, created_at INTEGER NOT NULL, body TEXT NOT NULL)");
      s.execute("CREATE TABLE feedback (seq INTEGER PRIMARY KEY AUTOINCREMENT, decision_id TEXT NOT NULL, "
          + "offer_id TEXT NOT NULL, outcome TEXT NOT NULL, created_at INTEGER NOT NULL, body TEXT NOT NULL)");
      s.execute("INSERT INTO decisions VALUES ('old', 'p-1', 'web', NULL, 1, '" + OLD_RECORD + "')");
      s.execute("INSERT INTO feedback (decision_id, offer_id, outcome, created_at, body) VALUES ('old', 'a', 'accept', 2, '{}')");
    }
    List<LoggedRound> before = EngineLogEvaluation.rounds(dir, "greedy", Set.of("accept"), false);
    assertThat(before).hasSize(1);
    assertThat(before.get(0).reward()).isEqualTo(1.0);
    assertThat(before.get(0).weight()).isCloseTo(1 / 0.8, within(1e-12));
    assertThat(before.get(0).predicted()).isEqualTo(0.3);

    for (int start = 0; start < 2; start++) { // the added column is added once, and a second start is not refused
      try (SqliteDatabase db = new SqliteDatabase(dir, true, SqliteDecisionLog.SCHEMA)) {
        if (start == 0) {
          SqliteDecisionLog log = new SqliteDecisionLog(db);
          byte[] packed = LoggedCandidates.pack(List.of(new DecisionCandidate("a", 0.3, 0.4, 40.0, 0.9, 0.8),
              new DecisionCandidate("b", 0.1, 0.5, 5.0, 0.2, 0.2)));
          log.recordDecision("new", "p-2", "web", null, 3, "{\"decisionId\": \"new\", \"offers\": [{\"offerId\": \"b\"}]}"
              .getBytes(StandardCharsets.UTF_8), packed).get();
          log.recordFeedback("new", "b", "dismiss", 4, "{}").get();
        }
      }
    }
    List<LoggedRound> after = EngineLogEvaluation.rounds(dir, "greedy", Set.of("accept"), false);
    assertThat(after).hasSize(2);
    assertThat(after.get(0)).isEqualTo(before.get(0));
    assertThat(after.get(1).reward()).isZero();
    assertThat(after.get(1).weight()).as("greedy picks a, the logged action was b").isZero();
    assertThat(after.get(1).predicted()).isEqualTo(0.1);
    assertThat(after.get(1).predictedTarget()).isEqualTo(0.3);
  }
}
