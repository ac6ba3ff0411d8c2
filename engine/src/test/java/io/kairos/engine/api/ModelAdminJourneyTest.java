package io.kairos.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairos.engine.TestEngines;
import io.kairos.models.CsvTable;
import io.kairos.models.FeatureSpec;
import io.kairos.models.Hyperparameters;
import io.kairos.models.PropensityTrainer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A marketer's model journey against a real engine: the shipped model seeds the registry, a newly
 * trained model is registered, shadows a share of traffic, is promoted and rolled back while
 * clients ingest and decide (no request may fail), and the registry state survives a restart.
 */
class ModelAdminJourneyTest {

  @TempDir Path dataDir;
  @TempDir Path trained;

  static Path sharedData(String relative) {
    Path p = Path.of(System.getProperty("kairos.shared.data", "../../shared/data")).resolve(relative);
    assertThat(p).as("dataset missing (tests read ../shared/data next to the repository)").isRegularFile();
    return p;
  }

  /** A small, genuinely different model: one hidden layer of 8, a few epochs. */
  static String trainChallenger(Path out) throws Exception {
    CsvTable table = CsvTable.read(sharedData("online_shoppers_intention/online_shoppers_intention_train.csv"));
    FeatureSpec spec = FeatureSpec.infer(table, "Revenue", Set.of("OperatingSystems", "Browser", "Region", "TrafficType"), Set.of());
    Hyperparameters hp = new Hyperparameters(List.of(8), 4, 2, 128, 3e-3f, 1e-4f, 1f, 0.2, 7L, 1);
    return new PropensityTrainer().train(table, spec, hp, Map.of("file", "online_shoppers_intention_train.csv"), out).version();
  }

  static JsonObject event(String anonymousId, int i) {
    return new JsonObject().put("type", i % 3 == 2 ? "add_to_cart" : "product_view").put("timestamp", "2026-11-23T10:00:0" + (i % 10) + "Z")
        .put("channel", "web").put("identifiers", new JsonObject().put("anonymousId", anonymousId))
        .put("properties", new JsonObject().put("productId", "p-" + i).put("price", 20).put("quantity", 1));
  }

  @Test
  void registerShadowPromoteAndRollBackUnderLoadThenRestart() throws Exception {
    Vertx vertx = Vertx.vertx();
    String challenger = trainChallenger(trained);
    String shipped;
    try (TestEngines.Running engine = TestEngines.start(dataDir)) {
      WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(engine.port()));
      JsonObject listing = client.get("/v1/admin/models").send().await().bodyAsJsonObject();
      shipped = listing.getString("champion");
      assertThat(shipped).isNotNull();
      assertThat(listing.getJsonArray("models")).hasSize(1);
      assertThat(listing.getJsonArray("models").getJsonObject(0).getString("role")).isEqualTo("champion");

      HttpResponse<Buffer> registered = send(client, "POST", "/v1/admin/models", new JsonObject().put("path", trained.toString()));
      assertThat(registered.statusCode()).isEqualTo(201);
      assertThat(registered.bodyAsJsonObject().getString("version")).isEqualTo(challenger);

      // Errors name the problem.
      assertError(send(client, "POST", "/v1/admin/models/nope/promote", null), 404, "model_not_found");
      assertError(send(client, "POST", "/v1/admin/models/rollback", null), 409, "model_conflict");
      assertError(send(client, "PUT", "/v1/admin/models/challenger", new JsonObject().put("version", challenger).put("share", 2)),
          400, "invalid_model_request");
      assertError(send(client, "PUT", "/v1/admin/models/challenger", new JsonObject().put("version", shipped).put("share", 0.5)),
          400, "invalid_model_request");
      assertError(send(client, "POST", "/v1/admin/models", new JsonObject().put("path", dataDir.toString())), 400, "model_unreadable");
      assertError(send(client, "POST", "/v1/admin/models", new JsonObject()), 400, "invalid_model_request");

      // The challenger shadows every profile: both scores are logged, the profile keeps the champion's.
      JsonObject state = send(client, "PUT", "/v1/admin/models/challenger", new JsonObject().put("version", challenger).put("share", 1.0))
          .bodyAsJsonObject();
      assertThat(state.getString("challenger")).isEqualTo(challenger);
      for (int i = 0; i < 3; i++) {
        assertThat(send(client, "POST", "/v1/events", event("shadowed", i)).statusCode()).isEqualTo(202);
      }
      JsonObject shadow = client.get("/v1/admin/models/shadow?limit=10").send().await().bodyAsJsonObject();
      assertThat(shadow.getInteger("count")).isGreaterThanOrEqualTo(3);
      JsonObject pair = shadow.getJsonArray("pairs").getJsonObject(0);
      assertThat(pair.getString("challenger")).endsWith(challenger);
      assertThat(pair.getString("champion")).endsWith(shipped);
      assertThat(pair.getDouble("challengerScore")).isNotEqualTo(pair.getDouble("championScore"));
      JsonObject profile = client.get("/v1/profiles/by/anonymousId/shadowed").send().await().bodyAsJsonObject();
      assertThat(profile.getJsonObject("propensity").getString("model")).endsWith(shipped);
      assertThat(profile.getJsonObject("propensity").getString("drivers")).matches("\\w+ [+-]\\d+\\.\\d\\d, \\w+ .*");
      JsonObject decision = send(client, "POST", "/v1/decide", new JsonObject().put("identifiers", new JsonObject().put("anonymousId", "shadowed"))
          .put("channel", "web").put("placement", "home")).bodyAsJsonObject();
      assertThat(decision.getString("propensitySource")).contains("drivers: ");

      // Swaps under load: four clients ingest and decide while the champion flips ten times.
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger ok = new AtomicInteger();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        int id = c;
        Thread thread = new Thread(() -> {
          for (int i = 0; running.get(); i++) {
            HttpResponse<Buffer> r = i % 2 == 0 ? send(client, "POST", "/v1/events", event("load-" + id + "-" + (i % 7), i))
                : send(client, "POST", "/v1/decide", new JsonObject().put("identifiers", new JsonObject().put("anonymousId", "load-" + id + "-" + (i % 7)))
                    .put("channel", "web").put("placement", "home"));
            if (r.statusCode() >= 300) {
              failures.add(r.statusCode() + " " + r.bodyAsString());
            } else {
              ok.incrementAndGet();
            }
          }
        });
        thread.start();
        clients.add(thread);
      }
      // Between swaps, wait until the clients have completed more requests, so every swap lands amid traffic.
      for (int flip = 0; flip < 5; flip++) {
        assertThat(send(client, "POST", "/v1/admin/models/" + challenger + "/promote", null).statusCode()).isEqualTo(200);
        awaitMore(ok, failures, 10);
        assertThat(send(client, "POST", "/v1/admin/models/rollback", null).statusCode()).isEqualTo(200);
        awaitMore(ok, failures, 10);
      }
      assertThat(send(client, "POST", "/v1/admin/models/" + challenger + "/promote", null).bodyAsJsonObject().getString("champion"))
          .isEqualTo(challenger);
      awaitMore(ok, failures, 20);
      running.set(false);
      for (Thread t : clients) {
        t.join();
      }
      assertThat(failures).as("requests that failed during swaps").isEmpty();
      assertThat(ok.get()).isGreaterThan(40);

      // Promoting the challenger ended its shadowing; profiles are rescored in the background by the new champion.
      JsonObject after = client.get("/v1/admin/models").send().await().bodyAsJsonObject();
      assertThat(after.getString("challenger")).isNull();
      assertThat(after.getJsonArray("previousChampions")).contains(shipped);
      long deadline = System.currentTimeMillis() + 10_000;
      String model;
      do { // each read is one HTTP round trip; the background rescoring takes well under a second here
        model = client.get("/v1/profiles/by/anonymousId/shadowed").send().await().bodyAsJsonObject().getJsonObject("propensity").getString("model");
      } while (!model.endsWith(challenger) && System.currentTimeMillis() < deadline);
      assertThat(model).endsWith(challenger);
    }

    // The registry state is on disk: after a restart the promoted model still serves.
    try (TestEngines.Running engine = TestEngines.start(dataDir)) {
      WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(engine.port()));
      JsonObject listing = client.get("/v1/admin/models").send().await().bodyAsJsonObject();
      assertThat(listing.getString("champion")).isEqualTo(challenger);
      assertThat(listing.getJsonArray("models")).hasSize(2);
      assertThat(send(client, "POST", "/v1/admin/models/rollback", null).bodyAsJsonObject().getString("champion")).isEqualTo(shipped);
    } finally {
      vertx.close().await();
    }
  }

  /** Waits (up to 30 s) until the load clients have finished {@code more} further requests, or one failed. */
  static void awaitMore(AtomicInteger ok, ConcurrentLinkedQueue<String> failures, int more) {
    int target = ok.get() + more;
    long deadline = System.currentTimeMillis() + 30_000;
    while (ok.get() < target && failures.isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.yield();
    }
  }

  static HttpResponse<Buffer> send(WebClient client, String method, String path, JsonObject body) {
    var request = client.request(io.vertx.core.http.HttpMethod.valueOf(method), path);
    return body == null ? request.send().await() : request.sendBuffer(body.toBuffer()).await();
  }

  static void assertError(HttpResponse<Buffer> r, int status, String code) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    assertThat(r.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo(code);
    assertThat(r.bodyAsJsonObject().getJsonObject("error").getString("message")).isNotBlank();
  }
}
