package io.kairos.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kairos.engine.TestEngines;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine runs as a separate process; clients ingest concurrently; the process is killed with
 * SIGKILL mid-stream; a new engine on the same data directory must reflect every acknowledged event.
 */
class CrashRecoveryTest {

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  static final int SENDERS = 4;
  static final int PER_BATCH = 10;

  @TempDir Path dataDir;

  @Test
  void everyAcknowledgedEventSurvivesKillMinus9() throws Exception {
    int port = freePort();
    Process engine = startEngineProcess(port, dataDir);
    try {
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
          .until(() -> engine.isAlive() && healthy(port));

      AtomicLong[] acked = new AtomicLong[SENDERS];
      AtomicLong[] sent = new AtomicLong[SENDERS];
      CountDownLatch enoughAcked = new CountDownLatch(SENDERS * 10);
      List<Thread> senders = new ArrayList<>();
      for (int s = 0; s < SENDERS; s++) {
        int sender = s;
        acked[s] = new AtomicLong();
        sent[s] = new AtomicLong();
        Thread t = new Thread(() -> {
          for (int r = 0; ; r++) {
            JsonArray batch = new JsonArray();
            for (int i = 0; i < PER_BATCH; i++) {
              batch.add(new JsonObject().put("type", i % 2 == 0 ? "page_view" : "product_view").put("channel", "web")
                  .put("messageId", "s" + sender + "-" + r + "-" + i)
                  .put("identifiers", new JsonObject().put("userId", "crash-user-" + sender))
                  .put("properties", new JsonObject().put("productId", "sku-" + i)));
            }
            sent[sender].addAndGet(PER_BATCH);
            try {
              HttpResponse<String> resp = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/events"))
                  .timeout(Duration.ofSeconds(10))
                  .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("batch", batch).encode())).build(),
                  HttpResponse.BodyHandlers.ofString());
              if (resp.statusCode() != 202) {
                return;
              }
              acked[sender].addAndGet(PER_BATCH);
              enoughAcked.countDown();
            } catch (IOException | InterruptedException e) {
              return; // the engine is gone
            }
          }
        }, "sender-" + s);
        t.start();
        senders.add(t);
      }
      assertThat(enoughAcked.await(60, TimeUnit.SECONDS)).as("senders got acknowledgements").isTrue();
      engine.destroyForcibly(); // SIGKILL on Unix
      assertThat(engine.waitFor(30, TimeUnit.SECONDS)).isTrue();
      for (Thread t : senders) {
        t.join(30_000);
      }

      try (TestEngines.Running restarted = TestEngines.start(dataDir)) {
        for (int s = 0; s < SENDERS; s++) {
          HttpResponse<String> resp = HTTP.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + restarted.port() + "/v1/profiles/by/userId/crash-user-" + s)).build(),
              HttpResponse.BodyHandlers.ofString());
          assertThat(resp.statusCode()).as(resp.body()).isEqualTo(200);
          long events = new JsonObject(resp.body()).getJsonObject("counters").getLong("events");
          System.out.printf("sender %d: sent %d, acknowledged %d, recovered %d%n", s, sent[s].get(), acked[s].get(), events);
          assertThat(events).as("sender %d: acked %d, sent %d", s, acked[s].get(), sent[s].get())
              .isGreaterThanOrEqualTo(acked[s].get()).isLessThanOrEqualTo(sent[s].get());
        }
      }
    } finally {
      engine.destroyForcibly();
    }
  }

  static Process startEngineProcess(int port, Path dataDir) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    String opens = System.getProperty("kairos.jvm.opens", "");
    if (!opens.isBlank()) {
      cmd.addAll(List.of(opens.trim().split("\\s+")));
    }
    for (String prop : List.of("ai.djl.offline", "DJL_CACHE_DIR", "ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads",
        "hazelcast.phone.home.enabled", "hazelcast.logging.type")) {
      if (System.getProperty(prop) != null) {
        cmd.add("-D" + prop + "=" + System.getProperty(prop));
      }
    }
    cmd.add("-Dorg.slf4j.simpleLogger.log.com.hazelcast=warn");
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.kairos.engine.Main",
        "--port", String.valueOf(port), "--data-dir", dataDir.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + "-engine.log").toFile());
    pb.environment().put("KAIROS_HOME", TestEngines.home().toString());
    pb.environment().put("KAIROS_SERVER_HOST", "127.0.0.1");
    return pb.start();
  }

  static boolean healthy(int port) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
