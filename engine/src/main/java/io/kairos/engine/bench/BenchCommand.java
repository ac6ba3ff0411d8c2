package io.kairos.engine.bench;

import io.kairos.engine.KairosEngine;
import io.kairos.engine.config.ConfigLoader;
import io.kairos.engine.config.KairosConfig;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code bin/kairos bench}: the ceiling and the engine's endpoints under the same wrk load, in one
 * run. Prints JSON on standard output and rewrites its section of docs/BENCHMARKS.md.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure the ceiling, decide, lookup and ingest with wrk against an engine started here.")
public final class BenchCommand implements Callable<Integer> {

  static final String CEILING_BODY = "{\"ok\":true}";

  @Option(names = "--duration", description = "seconds measured per endpoint (default ${DEFAULT-VALUE})") int duration = 20;
  /**
   * 30 s, not 10: on 2 busy cores C2 still compiles the decide path (1.4-2.9 s per compilation of
   * {@code DecisionEngine.decide}, JFR) well after 10 s, and a shorter warm-up measured the JIT.
   */
  @Option(names = "--warmup", description = "seconds of unmeasured load before each (default ${DEFAULT-VALUE})") int warmup = 30;
  @Option(names = "--threads", description = "wrk threads (default ${DEFAULT-VALUE})") int threads = 2;
  @Option(names = "--connections", description = "wrk connections (default ${DEFAULT-VALUE})") int connections = 16;
  @Option(names = "--profiles", description = "profiles preloaded before measuring (default ${DEFAULT-VALUE})") int profiles = 20_000;
  @Option(names = "--wrk", description = "wrk executable (default ${DEFAULT-VALUE})") String wrk = "wrk";
  @Option(names = "--docs", description = "Markdown file whose bench section is rewritten (default <home>/docs/BENCHMARKS.md)") Path docs;
  @Option(names = "--no-docs", description = "do not touch docs/") boolean noDocs;
  @Option(names = "--only", split = ",", description = "measure only these (ceiling, ceiling_view, decide, lookup, ingest_single, ingest_batch); "
      + "the ceiling always runs, docs are not touched") List<String> only;

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (!WrkRunner.available(wrk)) {
      System.err.println("kairos bench: cannot run '" + wrk + "'; install it (Debian: apt-get install wrk) or pass --wrk PATH");
      return 2;
    }
    Path home = ConfigLoader.findHome(Path.of(""), System.getenv());
    try (ScratchDirectory scratch = ScratchDirectory.create("kairos-bench")) {
      return run(home, scratch.path());
    }
  }

  private int run(Path home, Path work) throws Exception {
    KairosConfig config = ConfigLoader.load(home, null, System.getenv(),
        Map.of("server.port", "0", "server.host", "127.0.0.1", "store.dataDir", work.resolve("data").toString(),
            "server.adminToken", "", "server.clientTokens", "")); // its own loopback engine: no tokens, whatever the shell exports
    Vertx bare = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(config.server().eventLoops()));
    KairosEngine engine = new KairosEngine(config);
    try {
      AtomicReference<Buffer> view = new AtomicReference<>(Buffer.buffer(CEILING_BODY));
      int ceilingPort = startCeiling(bare, config.server().eventLoops(), view);
      int enginePort = engine.start().await();
      MetricsReading first = MetricsReading.read(enginePort);
      preload(enginePort, profiles);
      view.set(Buffer.buffer(profileView(enginePort, "bench-u0")));
      String command = "bin/kairos bench --duration " + duration + " --warmup " + warmup + " --threads " + threads + " --connections "
          + connections + " --profiles " + profiles;
      BenchReport report = new BenchReport(Machine.describe(wrk), new JsonObject().put("threads", threads)
          .put("connections", connections).put("duration_s", duration).put("warmup_s", warmup).put("profiles", profiles),
          command, Instant.now().toString());
      WrkRunner runner = new WrkRunner(wrk, threads, connections, work);
      for (Scenario s : Scenario.all(profiles)) {
        if (only != null && !s.name().equals("ceiling") && !only.contains(s.name())) {
          continue;
        }
        int port = s.name().startsWith("ceiling") ? ceilingPort : enginePort;
        String url = "http://127.0.0.1:" + port + s.path();
        System.err.println("kairos bench: " + s.label() + " (" + warmup + " s warm-up, " + duration + " s measured)");
        runner.run(s.name() + "-warmup", url, s.lua(), warmup);
        report.add(s, runner.run(s.name(), url, s.lua(), duration));
      }
      report.blockedThreadWarnings(MetricsReading.read(enginePort).blockedThreadsSince(first));
      System.out.println(report.toJson().encodePrettily());
      if (!noDocs && only == null) {
        Path file = docs != null ? docs : home.resolve("docs/BENCHMARKS.md");
        String existing = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
        Files.writeString(file, BenchReport.splice(existing, report.toMarkdown()));
        System.err.println("kairos bench: wrote " + file);
      }
      return 0;
    } finally {
      engine.stop();
      bare.close().await();
    }
  }

  /**
   * A bare Vert.x server, one verticle per event loop like the engine's API, answering a fixed small JSON body, and on
   * {@code /ceiling-view} the fixed body {@code view} holds (a real profile view, so the lookup's payload is measured alone).
   */
  static int startCeiling(Vertx vertx, int instances, AtomicReference<Buffer> view) throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    int chosen = port;
    vertx.deployVerticle(() -> new VerticleBase() {
      @Override
      public Future<?> start() {
        Buffer small = Buffer.buffer(CEILING_BODY);
        return vertx.createHttpServer().requestHandler(req -> req.response().putHeader("content-type", "application/json")
            .end(req.path().equals("/ceiling-view") ? view.get() : small)).listen(chosen, "127.0.0.1");
      }
    }, new DeploymentOptions().setInstances(instances)).await();
    return port;
  }

  /** The engine's answer to a lookup of one preloaded user: the body {@code /ceiling-view} then serves. */
  static String profileView(int port, String userId) throws IOException, InterruptedException {
    HttpResponse<String> r = HttpClient.newHttpClient().send(request(port, "/v1/profiles/by/userId/" + userId, null).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("lookup of " + userId + " failed: " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  /** A request to the engine on loopback, with the {@code Authorization} header when one is given. */
  static HttpRequest.Builder request(int port, String path, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    return authorization == null ? request : request.header("Authorization", authorization);
  }

  /** Users bench-u0.. with an e-mail, a cookie and a few events each, in batches of 1,000 events. */
  static void preload(int port, int profiles) throws IOException, InterruptedException {
    preload(port, profiles, null);
  }

  /** @param authorization the {@code Authorization} header to send, or null */
  static void preload(int port, int profiles, String authorization) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    JsonArray batch = new JsonArray();
    for (int i = 0; i < profiles; i++) {
      JsonObject ids = new JsonObject().put("userId", "bench-u" + i).put("email", "bench" + i + "@example.com")
          .put("anonymousId", "bench-c" + i);
      batch.add(new JsonObject().put("type", "identify").put("channel", "web").put("identifiers", ids)
          .put("traits", new JsonObject().put("tier", i % 10 == 0 ? "gold" : "standard")));
      batch.add(new JsonObject().put("type", "add_to_cart").put("channel", "web").put("identifiers", new JsonObject().put("userId", "bench-u" + i))
          .put("properties", new JsonObject().put("productId", "sku-" + (i % 50)).put("price", 19.9)));
      if (batch.size() >= 1000 || i == profiles - 1) {
        HttpResponse<String> r = http.send(request(port, "/v1/events", authorization)
            .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("batch", batch).encode())).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
          throw new IllegalStateException("preload failed: " + r.statusCode() + " " + r.body());
        }
        batch = new JsonArray();
      }
    }
    System.err.println("kairos bench: preloaded " + profiles + " profiles");
  }
}
