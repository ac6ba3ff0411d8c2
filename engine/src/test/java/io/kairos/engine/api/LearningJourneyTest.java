package io.kairos.engine.api;

import static io.kairos.engine.api.IdentityJourneyTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.kairos.engine.TestEngines;
import io.kairos.engine.api.IdentityJourneyTest.Response;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decide learns from feedback against a real engine: simulated visitors accept one banner far more
 * often than another, Thompson sampling shifts traffic to it, the learned models survive a restart,
 * and feedback is applied once (also for a decision made before the restart).
 */
class LearningJourneyTest {

  @TempDir Path dataDir;

  static final String OFFERS = """
      offers:
        - id: good
          name: The banner people like
          channels: [web]
          value: 10
        - id: meh
          name: The banner people ignore
          channels: [web]
          value: 10
      """;

  Map<String, String> config() throws Exception {
    Path offers = dataDir.resolve("offers.yaml");
    Files.writeString(offers, OFFERS);
    return Map.of("decide.offersFile", offers.toString(), "learning.explore", "true", "learning.controlShare", "0.05");
  }

  static JsonObject decide(int port, String user) {
    Response r = send(port, "POST", "/v1/decide", new JsonObject().put("identifiers", new JsonObject().put("userId", user))
        .put("channel", "web").put("limit", 1));
    assertThat(r.status()).as(r.body().encode()).isEqualTo(200);
    return r.body();
  }

  static Response feedback(int port, String decisionId, String offerId, String outcome) {
    return send(port, "POST", "/v1/feedback", new JsonObject().put("decisionId", decisionId).put("offerId", offerId).put("outcome", outcome));
  }

  @Test
  void trafficMovesToTheBetterOfferAndLearningSurvivesRestart() throws Exception {
    Map<String, String> config = config();
    SplittableRandom random = new SplittableRandom(11);
    int goodLate = 0;
    String lastDecision;
    try (TestEngines.Running engine = TestEngines.start(dataDir, config)) {
      int port = engine.port();
      String decisionId = null;
      String offerId = null;
      String outcome = null;
      for (int i = 0; i < 400; i++) {
        JsonObject d = decide(port, "u" + (i % 40));
        JsonObject offer = d.getJsonArray("offers").getJsonObject(0);
        decisionId = d.getString("decisionId");
        offerId = offer.getString("offerId");
        assertThat(offer.getDouble("probability")).isGreaterThan(0).isLessThanOrEqualTo(1);
        assertThat(d.containsKey("candidates")).as("candidates are for the decision log, not the answer").isFalse();
        boolean accepted = random.nextDouble() < (offerId.equals("good") ? 0.5 : 0.05);
        outcome = accepted ? "accept" : "dismiss";
        Response r = feedback(port, decisionId, offerId, outcome);
        assertThat(r.status()).as(r.body().encode()).isEqualTo(202);
        assertThat(r.body().getBoolean("learned")).isTrue();
        if (i >= 300 && offerId.equals("good")) {
          goodLate++;
        }
      }
      assertThat(goodLate).as("of the last 100 decisions, those showing the better banner").isGreaterThan(80);

      Response again = feedback(port, decisionId, offerId, outcome);
      assertThat(again.body().getString("status")).as("the same outcome twice is applied once").isEqualTo("duplicate");
      assertThat(feedback(port, decisionId, offerId, "impression").body().getBoolean("learned")).as("only logged").isFalse();
      assertThat(feedback(port, decisionId, offerId, outcome.equals("accept") ? "convert" : "reject").body().getBoolean("learned"))
          .as("one learning outcome per offer and decision").isFalse();
      assertThat(feedback(port, decisionId, "nope", "accept").status()).isEqualTo(400);
      assertThat(feedback(port, "no-such-decision", offerId, "accept").status()).isEqualTo(404);
      assertThat(feedback(port, decisionId, offerId, "bought").status()).isEqualTo(400);

      JsonObject models = send(port, "GET", "/v1/admin/offers/models", null).body();
      assertThat(models.getJsonObject("models").getJsonObject("good").getLong("observations")
          + models.getJsonObject("models").getJsonObject("meh").getLong("observations")).isEqualTo(400);
      lastDecision = decide(port, "u-before-restart").getString("decisionId");
      JsonObject before = models;
      engine.close();

      try (TestEngines.Running restarted = TestEngines.start(dataDir, config)) {
        JsonObject after = send(restarted.port(), "GET", "/v1/admin/offers/models", null).body();
        assertThat(after).as("models restored from the store").isEqualTo(before);
        // 5% of decisions go to the control group (random order, no "learned from"): take the first one outside it.
        String reasons = "";
        for (int i = 0; i < 20 && (reasons.isEmpty() || reasons.contains("control group")); i++) {
          reasons = decide(restarted.port(), "u1").getJsonArray("offers").getJsonObject(0).getJsonArray("reasons").encode();
        }
        assertThat(reasons).contains("learned from");
        JsonObject lastBefore = send(restarted.port(), "GET", "/v1/admin/offers/models", null).body();
        String chosen = null;
        Response r = null;
        for (String candidate : new String[] {"good", "meh"}) {
          r = feedback(restarted.port(), lastDecision, candidate, "accept");
          if (r.status() == 202) {
            chosen = candidate;
            break;
          }
        }
        assertThat(chosen).as("feedback on a decision made before the restart: " + r.body().encode()).isNotNull();
        assertThat(r.body().getBoolean("learned")).isTrue();
        assertThat(feedback(restarted.port(), lastDecision, chosen, "accept").body().getString("status")).isEqualTo("duplicate");
        long observations = send(restarted.port(), "GET", "/v1/admin/offers/models", null).body().getJsonObject("models")
            .getJsonObject(chosen).getLong("observations");
        assertThat(observations).isEqualTo(lastBefore.getJsonObject("models").getJsonObject(chosen).getLong("observations") + 1);
      }
    }
  }
}
