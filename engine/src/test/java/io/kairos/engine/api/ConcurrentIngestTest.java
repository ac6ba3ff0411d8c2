package io.kairos.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairos.engine.TestEngines;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many clients at once, over HTTP, against one profile: every acknowledged event counted exactly once. */
class ConcurrentIngestTest {

  @TempDir static Path dataDir;
  static TestEngines.Running engine;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    engine = TestEngines.start(dataDir);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  static HttpResponse<String> post(String path, JsonObject body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.port() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
  }

  static <T> List<T> inParallel(int threads, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(task));
      }
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void noLostUpdatesForOneHotProfile() throws Exception {
    int threads = 8;
    int requests = 40;
    int perBatch = 5;
    List<Integer> acked = inParallel(threads, () -> {
      int ok = 0;
      for (int r = 0; r < requests; r++) {
        JsonArray batch = new JsonArray();
        for (int i = 0; i < perBatch; i++) {
          batch.add(new JsonObject().put("type", "add_to_cart").put("channel", "web")
              .put("identifiers", new JsonObject().put("userId", "hot-user"))
              .put("properties", new JsonObject().put("productId", "sku-" + i).put("price", 1.0)));
        }
        HttpResponse<String> resp = post("/v1/events", new JsonObject().put("batch", batch));
        assertThat(resp.statusCode()).as(resp.body()).isEqualTo(202);
        ok += perBatch;
      }
      return ok;
    });
    int total = acked.stream().mapToInt(Integer::intValue).sum();
    HttpResponse<String> profile = HTTP.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + engine.port() + "/v1/profiles/by/userId/hot-user")).build(), HttpResponse.BodyHandlers.ofString());
    JsonObject p = new JsonObject(profile.body());
    assertThat(p.getJsonObject("counters").getLong("events")).isEqualTo(total);
    assertThat(p.getJsonObject("cart").getDouble("value")).isEqualTo(total * 1.0);
  }

  @Test
  void concurrentFirstEventsForANewVisitorLandOnOneProfile() throws Exception {
    List<String> ids = inParallel(12, () -> {
      HttpResponse<String> resp = post("/v1/events", new JsonObject().put("type", "page_view")
          .put("identifiers", new JsonObject().put("anonymousId", "brand-new-cookie")));
      assertThat(resp.statusCode()).isEqualTo(202);
      return new JsonObject(resp.body()).getJsonArray("profileIds").getString(0);
    });
    Set<String> distinct = new HashSet<>(ids);
    assertThat(distinct).hasSize(1);
  }
}
