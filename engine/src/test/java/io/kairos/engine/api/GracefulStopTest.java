package io.kairos.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairos.engine.TestEngines;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping an engine under load (a rolling restart) lets the requests already being served finish: each
 * answers 202, none is cut off half-way with 503, and because nothing was left between the store and
 * the grid the stop writes its snapshot, so the next start replays nothing and holds every event.
 */
class GracefulStopTest {

  private static final int CLIENTS = 4;
  private static final int BATCH = 400;

  @TempDir Path dataDir;

  @Test
  void aStopUnderLoadFinishesTheRequestsInFlightAndStillWritesItsSnapshot() throws Exception {
    Map<Integer, Long> statuses = new ConcurrentHashMap<>();
    AtomicLong acknowledged = new AtomicLong();
    AtomicBoolean sending = new AtomicBoolean(true);
    CountDownLatch flowing = new CountDownLatch(2 * CLIENTS);
    List<Thread> clients = new ArrayList<>();
    TestEngines.Running engine = TestEngines.start(dataDir);
    int port = engine.port();
    for (int c = 0; c < CLIENTS; c++) {
      String cookie = "graceful-" + c;
      Thread t = new Thread(() -> {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/events"))
            .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(batch(cookie))).build();
        while (sending.get()) {
          try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            statuses.merge(status, 1L, Long::sum);
            if (status == 202) {
              acknowledged.addAndGet(BATCH);
            }
            flowing.countDown();
          } catch (IOException e) {
            return; // refused or closed: the engine is stopping (not acknowledged, so nothing is owed)
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      t.start();
      clients.add(t);
    }
    assertThat(flowing.await(60, TimeUnit.SECONDS)).as("batches acknowledged before the stop").isTrue();
    engine.close(); // while the clients keep sending
    sending.set(false);
    for (Thread t : clients) {
      t.join(30_000);
    }
    assertThat(statuses.keySet()).as("statuses answered while stopping: %s", statuses).containsOnly(202);

    try (TestEngines.Running again = TestEngines.start(dataDir)) {
      assertThat(SnapshotRestartTest.startFigure(again.port(), "kairos_start_replayed_events"))
          .as("replayed at the next start: the stop wrote its snapshot over everything stored").isZero();
      long events = 0;
      for (int c = 0; c < CLIENTS; c++) {
        events += SnapshotRestartTest.profile(again.port(), "anonymousId", "graceful-" + c).getJsonObject("counters").getLong("events");
      }
      assertThat(events).as("events on the profiles after restart").isGreaterThanOrEqualTo(acknowledged.get());
    }
  }

  private static String batch(String cookie) {
    JsonArray events = new JsonArray();
    for (int i = 0; i < BATCH; i++) {
      events.add(SnapshotRestartTest.event("product_view", Map.of("anonymousId", cookie))
          .put("properties", new JsonObject().put("productId", "sku-" + i).put("price", 10 + i % 7)));
    }
    return new JsonObject().put("batch", events).encode();
  }
}
