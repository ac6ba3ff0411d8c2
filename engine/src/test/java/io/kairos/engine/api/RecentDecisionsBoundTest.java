package io.kairos.engine.api;

import static io.kairos.engine.api.IdentityJourneyTest.send;
import static io.kairos.engine.api.LearningJourneyTest.feedback;
import static org.assertj.core.api.Assertions.assertThat;

import io.kairos.engine.TestEngines;
import io.kairos.engine.api.IdentityJourneyTest.Response;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grid keeps a bounded number of recent decisions ({@code decide.recentDecisionsInGrid}), so a
 * busy engine does not hold a day of decisions in memory; feedback on one it let go is still taken,
 * once, from the durable decision log.
 */
class RecentDecisionsBoundTest {

  @TempDir Path dataDir;

  /** A per-map grid gauge of the recent decisions, such as {@code kairos_grid_map_entries}. */
  static long recentDecisionsGauge(int port, String gauge) throws Exception {
    String scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    return scrape.lines().filter(l -> l.startsWith(gauge + "{") && l.contains("recent_decisions"))
        .map(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElseThrow();
  }

  @Test
  void theGridKeepsAboutTheBoundAndFeedbackOnADecisionLetGoIsStillTakenOnce() throws Exception {
    Path offers = dataDir.resolve("offers.yaml");
    Files.writeString(offers, "offers:\n  - {id: only, name: The only offer, channels: [web], value: 10}\n");
    int decisions = 3_000;
    try (TestEngines.Running engine = TestEngines.start(dataDir.resolve("data"),
        Map.of("decide.offersFile", offers.toString(), "decide.recentDecisionsInGrid", "1000"))) {
      int port = engine.port();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < decisions; i++) {
        Response r = send(port, "POST", "/v1/decide", new JsonObject().put("identifiers", new JsonObject().put("userId", "busy-" + i % 50))
            .put("channel", "web").put("limit", 1));
        assertThat(r.status()).as(r.body().encode()).isEqualTo(200);
        ids.add(r.body().getString("decisionId"));
      }
      long kept = recentDecisionsGauge(port, "kairos_grid_map_entries");
      assertThat(kept).as("decisions kept in the grid").isBetween(500L, 1_100L);

      long putsBefore = recentDecisionsGauge(port, "kairos_grid_map_puts");
      for (int i = 0; i < decisions; i += 97) {
        Response first = feedback(port, ids.get(i), "only", "accept");
        assertThat(first.status()).as("decision %d: %s", i, first.body().encode()).isEqualTo(202);
        assertThat(first.body().getString("status")).isEqualTo("recorded");
        Response again = feedback(port, ids.get(i), "only", "accept");
        assertThat(again.body().getString("status")).as("decision %d, repeated", i).isEqualTo("duplicate");
      }
      // No decide runs in this loop, so every put is a decision the grid had let go, read back from the log.
      assertThat(recentDecisionsGauge(port, "kairos_grid_map_puts") - putsBefore)
          .as("decisions the grid had let go, answered from the log").isGreaterThan(10);
    }
  }
}
