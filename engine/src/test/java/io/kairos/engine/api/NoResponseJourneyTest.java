package io.kairos.engine.api;

import static io.kairos.engine.api.IdentityJourneyTest.send;
import static io.kairos.engine.api.LearningJourneyTest.feedback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kairos.engine.TestEngines;
import io.kairos.engine.api.IdentityJourneyTest.Response;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Silence teaches: an offer shown ({@code impression}) and left unanswered for
 * {@code learning.noResponseSeconds} is learned as a refusal, once; an answered one is not; a late
 * answer is logged but does not teach twice; an impression that came due while the engine was down
 * is learned after the next start.
 */
class NoResponseJourneyTest {

  @TempDir Path dataDir;

  static final String OFFERS = """
      offers:
        - {id: ignored, name: Shown and ignored, channels: [web], value: 10}
        - {id: taken, name: Shown and accepted, channels: [web], value: 10}
      """;

  static JsonObject model(int port, String offerId) {
    JsonObject m = send(port, "GET", "/v1/admin/offers/models", null).body().getJsonObject("models").getJsonObject(offerId);
    return m == null ? new JsonObject().put("observations", 0).put("positives", 0) : m;
  }

  static void awaitObservations(int port, String offerId, long expected) {
    await().atMost(Duration.ofSeconds(20)).until(() -> model(port, offerId).getLong("observations") >= expected);
    assertThat(model(port, offerId).getLong("observations")).as(offerId + " observations").isEqualTo(expected);
  }

  /** Sweep passes completed (the {@code kairos_feedback_no_response_sweeps} gauge); -1 when the engine has no sweep. */
  static long sweeps(int port) throws Exception {
    String scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    return scrape.lines().filter(l -> l.startsWith("kairos_feedback_no_response_sweeps ")).map(l -> (long) Double.parseDouble(l.split(" ")[1]))
        .findFirst().orElse(-1L);
  }

  /** Waits until two more sweep passes have completed, so whatever they would learn has been learned. */
  static void awaitTwoMoreSweeps(int port) throws Exception {
    long now = sweeps(port);
    assertThat(now).as("the engine sweeps").isGreaterThanOrEqualTo(0);
    await().atMost(Duration.ofSeconds(20)).until(() -> sweeps(port) >= now + 2);
  }

  static JsonObject decide(int port) {
    Response r = send(port, "POST", "/v1/decide", new JsonObject().put("identifiers", new JsonObject().put("userId", "quiet"))
        .put("channel", "web").put("limit", 2));
    assertThat(r.status()).as(r.body().encode()).isEqualTo(200);
    return r.body();
  }

  static void ok(Response r) {
    assertThat(r.status()).as(r.body().encode()).isEqualTo(202);
  }

  @Test
  void anImpressionLeftUnansweredIsLearnedAsARefusalOnce() throws Exception {
    Path offers = dataDir.resolve("offers.yaml");
    Files.writeString(offers, OFFERS);
    Map<String, String> config = Map.of("decide.offersFile", offers.toString(), "learning.noResponseSeconds", "2");
    try (TestEngines.Running engine = TestEngines.start(dataDir.resolve("data"), config)) {
      int port = engine.port();
      JsonObject d = decide(port);
      assertThat(d.getJsonArray("offers").stream().map(o -> ((JsonObject) o).getString("offerId")).toList())
          .containsExactlyInAnyOrder("ignored", "taken");
      String id = d.getString("decisionId");
      ok(feedback(port, id, "ignored", "impression"));
      ok(feedback(port, id, "taken", "impression"));
      ok(feedback(port, id, "taken", "accept"));

      awaitObservations(port, "ignored", 1);
      assertThat(model(port, "ignored").getLong("positives")).isZero();
      awaitTwoMoreSweeps(port); // nothing is learned twice, and the accepted offer gets no refusal
      assertThat(model(port, "ignored").getLong("observations")).isEqualTo(1);
      assertThat(model(port, "taken").getLong("observations")).isEqualTo(1);
      assertThat(model(port, "taken").getLong("positives")).isEqualTo(1);

      Response late = feedback(port, id, "ignored", "accept");
      ok(late);
      assertThat(late.body().getBoolean("learned")).as("a late answer after the refusal was learned: " + late.body()).isFalse();
      assertThat(model(port, "ignored").getLong("observations")).isEqualTo(1);

      ok(feedback(port, decide(port).getString("decisionId"), "ignored", "impression"));
      assertThat(model(port, "ignored").getLong("observations")).as("not due yet when the engine stops").isEqualTo(1);
    }

    try (TestEngines.Running engine = TestEngines.start(dataDir.resolve("data"), config)) {
      awaitObservations(engine.port(), "ignored", 2);
      assertThat(model(engine.port(), "ignored").getLong("positives")).isZero();
      assertThat(model(engine.port(), "taken").getLong("observations")).isEqualTo(1);
    }
  }

  @Test
  void offByDefaultWhenZero() throws Exception {
    Path offers = dataDir.resolve("offers.yaml");
    Files.writeString(offers, OFFERS);
    try (TestEngines.Running engine = TestEngines.start(dataDir.resolve("data"),
        Map.of("decide.offersFile", offers.toString(), "learning.noResponseSeconds", "0"))) {
      int port = engine.port();
      String id = decide(port).getString("decisionId");
      ok(feedback(port, id, "ignored", "impression"));
      assertThat(sweeps(port)).as("0 turns the sweep off: no sweep runs").isEqualTo(-1);
      assertThat(model(port, "ignored").getLong("observations")).isZero();
      assertThat(feedback(port, id, "ignored", "dismiss").body().getBoolean("learned")).isTrue();
    }
  }
}
