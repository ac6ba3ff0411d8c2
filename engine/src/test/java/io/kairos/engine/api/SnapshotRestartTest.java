package io.kairos.engine.api;

import static io.kairos.engine.api.IdentityJourneyTest.byIdentifier;
import static io.kairos.engine.api.IdentityJourneyTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.kairos.engine.TestEngines;
import io.kairos.engine.store.SnapshotStore;
import io.kairos.engine.store.SqliteDatabase;
import io.kairos.engine.store.SqliteSnapshotStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clean stop writes a snapshot of the grid; a start loads it and replays only the events stored
 * after it. A stop without a snapshot (as after a crash) leaves the older snapshot, and the next
 * start still comes back with every profile exact. Erasure removes the person from the snapshot too.
 */
class SnapshotRestartTest {

  static final Map<String, String> NO_SNAPSHOT = Map.of("store.snapshotOnStop", "false");

  @TempDir Path dataDir;

  static JsonObject event(String type, Map<String, String> identifiers) {
    return new JsonObject().put("type", type).put("channel", "web").put("timestamp", "2026-11-20T10:00:00Z")
        .put("identifiers", new JsonObject(Map.copyOf(identifiers)));
  }

  static void ingest(int port, JsonObject... events) {
    assertThat(send(port, "POST", "/v1/events", new JsonObject().put("batch", new JsonArray(List.of((Object[]) events)))).status())
        .isEqualTo(202);
  }

  static JsonObject profile(int port, String type, String value) {
    IdentityJourneyTest.Response r = send(port, "GET", byIdentifier(type, value), null);
    assertThat(r.status()).as(type + " " + value).isEqualTo(200);
    r.body().getJsonObject("propensity").remove("scoredAt");
    return r.body();
  }

  static long startFigure(int port, String name) throws Exception {
    String scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? ([0-9.E+]+)").matcher(scrape);
    assertThat(m.find()).as(name + " in /metrics").isTrue();
    return (long) Double.parseDouble(m.group(1));
  }

  Optional<SnapshotStore.Position> snapshotPosition() {
    try (SqliteDatabase db = new SqliteDatabase(dataDir, false, SqliteSnapshotStore.SCHEMA)) {
      return new SqliteSnapshotStore(db).position();
    }
  }

  @Test
  void startLoadsTheSnapshotAndReplaysOnlyLaterEventsEvenAfterAStopWithoutOne() throws Exception {
    try (TestEngines.Running first = TestEngines.start(dataDir)) {
      ingest(first.port(),
          event("page_view", Map.of("anonymousId", "s-anon-a")),
          event("identify", Map.of("anonymousId", "s-anon-a", "email", "alice@example.com")).put("traits", new JsonObject().put("tier", "gold")),
          event("page_view", Map.of("anonymousId", "s-anon-b")));
    }
    assertThat(snapshotPosition()).as("written at the clean stop").hasValueSatisfying(p -> assertThat(p.eventSeq()).isEqualTo(3));

    JsonObject alice;
    JsonObject bob;
    try (TestEngines.Running second = TestEngines.start(dataDir, NO_SNAPSHOT)) {
      int port = second.port();
      assertThat(startFigure(port, "kairos_start_snapshot_profiles")).isEqualTo(2);
      assertThat(startFigure(port, "kairos_start_replayed_events")).isZero();
      assertThat(profile(port, "email", "alice@example.com").getJsonObject("traits").getString("tier")).isEqualTo("gold");
      ingest(port,
          event("page_view", Map.of("anonymousId", "s-anon-c")),
          event("identify", Map.of("anonymousId", "s-anon-c", "email", "alice@example.com")), // merges c into alice
          event("add_to_cart", Map.of("anonymousId", "s-anon-c")).put("properties",
              new JsonObject().put("productId", "sku-1").put("price", 30.0).put("quantity", 1)),
          event("support_ticket", Map.of("anonymousId", "s-anon-b")).put("text", "The delivery was late and the box was broken."));
      alice = profile(port, "email", "alice@example.com");
      bob = profile(port, "anonymousId", "s-anon-b");
    }
    assertThat(alice.getJsonObject("counters").getLong("events")).isEqualTo(5);
    assertThat(bob.getJsonObject("sentiment").getString("lastLabel")).isEqualTo("negative");
    assertThat(snapshotPosition()).as("the stop without a snapshot (as a crash) left the first").hasValueSatisfying(
        p -> assertThat(p.eventSeq()).isEqualTo(3));

    JsonObject aliceAgain;
    JsonObject bobAgain;
    try (TestEngines.Running third = TestEngines.start(dataDir, NO_SNAPSHOT)) {
      int port = third.port();
      assertThat(startFigure(port, "kairos_start_replayed_events")).as("only the events after the snapshot").isEqualTo(4);
      aliceAgain = profile(port, "email", "alice@example.com");
      bobAgain = profile(port, "anonymousId", "s-anon-b");
      assertThat(profile(port, "anonymousId", "s-anon-c")).as("the merged-away id resolves to alice").isEqualTo(aliceAgain);
    }
    assertThat(bobAgain).isEqualTo(bob);
    for (String part : List.of("profileId", "traits", "traitSources", "counters", "cart", "purchases", "consents", "firstSeen", "lastSeen")) {
      assertThat(aliceAgain.getValue(part)).as(part).isEqualTo(alice.getValue(part));
    }
    assertThat(aliceAgain.getJsonObject("identifiers").getJsonArray("anonymousId"))
        .containsExactlyInAnyOrderElementsOf(alice.getJsonObject("identifiers").getJsonArray("anonymousId"));

    try (SqliteDatabase db = new SqliteDatabase(dataDir, false, SqliteSnapshotStore.SCHEMA)) {
      db.write(c -> c.createStatement().executeUpdate("UPDATE snapshot_position SET format = 'some-older-format'")).join();
    }
    try (TestEngines.Running fourth = TestEngines.start(dataDir)) {
      int port = fourth.port();
      assertThat(startFigure(port, "kairos_start_snapshot_profiles")).as("a snapshot in another format is not loaded").isZero();
      assertThat(startFigure(port, "kairos_start_replayed_events")).isEqualTo(7);
      assertThat(profile(port, "email", "alice@example.com")).as("full replay agrees with snapshot + tail").isEqualTo(aliceAgain);
      assertThat(profile(port, "anonymousId", "s-anon-b")).isEqualTo(bob);
    }
    assertThat(snapshotPosition()).hasValueSatisfying(p -> assertThat(p.eventSeq()).isEqualTo(7));
  }

  @Test
  void erasureRemovesThePersonFromTheSnapshot() throws Exception {
    String secretText = "Order Kx9912q arrived crushed.";
    String id;
    try (TestEngines.Running first = TestEngines.start(dataDir)) {
      ingest(first.port(),
          event("support_ticket", Map.of("userId", "snap-erin", "email", "erin.snap@example.org")).put("text", secretText),
          event("page_view", Map.of("userId", "snap-kim")));
      id = profile(first.port(), "userId", "snap-erin").getString("profileId");
    }
    List<String> secrets = List.of(id, "snap-erin", "erin.snap@example.org", "Kx9912q");
    assertThat(PrivacyJourneyTest.filesHolding(dataDir, secrets)).as("the snapshot holds erin before erasure").isNotEmpty();

    try (TestEngines.Running second = TestEngines.start(dataDir, NO_SNAPSHOT)) {
      assertThat(send(second.port(), "DELETE", "/v1/profiles/" + id, null).status()).isEqualTo(200);
      assertThat(PrivacyJourneyTest.filesHolding(dataDir, secrets)).as("files still holding erin's data").isEmpty();
    }
    try (TestEngines.Running third = TestEngines.start(dataDir)) {
      int port = third.port();
      assertThat(startFigure(port, "kairos_start_snapshot_profiles")).isEqualTo(1);
      assertThat(send(port, "GET", byIdentifier("userId", "snap-erin"), null).status()).isEqualTo(404);
      assertThat(send(port, "GET", "/v1/profiles/" + id, null).status()).isEqualTo(404);
      assertThat(profile(port, "userId", "snap-kim").getJsonObject("counters").getLong("events")).isEqualTo(1);
    }
  }
}
