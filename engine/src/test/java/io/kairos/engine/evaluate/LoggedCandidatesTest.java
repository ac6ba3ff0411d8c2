package io.kairos.engine.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairos.engine.decide.Decision;
import io.kairos.engine.decide.DecisionCandidate;
import io.kairos.engine.decide.DecisionJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evaluation reads the candidates the decision log writes today (by column) and the form logs held before (one object each). */
class LoggedCandidatesTest {

  @Test
  void columnsAsWrittenByTheDecisionLogAndRowsFromOlderLogsReadAlike() {
    Decision d = new Decision("d-1", "p-1", "web", null, 1L, "base rate", List.of(), List.of(), List.of(), "thompson", new double[] {1, 0.5},
        -1.0, List.of(new DecisionCandidate("a", 0.3, 0.4, 40.0, 0.93, 0.9), new DecisionCandidate("b", 0.1, 0.5, 5.0, 0.07, 0.1)));
    JsonObject logged = new JsonObject(Buffer.buffer(DecisionJson.forms(d, true).log()));
    EngineLogEvaluation.Candidates columns = EngineLogEvaluation.Candidates.of(logged.getValue("candidates"));

    JsonObject older = new JsonObject("""
        {"candidates": [
          {"offerId": "a", "acceptance": 0.3, "logitSd": 0.4, "multiplier": 40.0, "probability": 0.93, "firstProbability": 0.9},
          {"offerId": "b", "acceptance": 0.1, "logitSd": 0.5, "multiplier": 5.0, "probability": 0.07, "firstProbability": 0.1}]}""");
    EngineLogEvaluation.Candidates rows = EngineLogEvaluation.Candidates.of(older.getValue("candidates"));

    for (EngineLogEvaluation.Candidates c : List.of(columns, rows)) {
      assertThat(c.offerId()).containsExactly("a", "b");
      assertThat(c.acceptance()).containsExactly(0.3, 0.1);
      assertThat(c.multiplier()).containsExactly(40.0, 5.0);
      assertThat(c.firstProbability()).containsExactly(0.9, 0.1);
    }
    assertThat(EngineLogEvaluation.Candidates.of(null)).isNull();
  }
}
