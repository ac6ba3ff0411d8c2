package io.kairos.engine.bench;

import io.kairos.engine.KairosEngine;
import io.kairos.engine.config.ConfigLoader;
import io.kairos.engine.config.KairosConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/kairos bench-decide-rate}: decide over HTTP with a large catalog, first at its peak
 * (closed loop), then at fixed arrival rates (open loop, by default a quarter and half of that peak),
 * reporting latency percentiles from each request's due time. The engine runs here on its embedded
 * default (Hazelcast, SQLite with fsync, shipped models, learning with exploration) with a synthetic
 * catalog; the load generator is a single Vert.x event loop in the same JVM. With {@code --port} the engine is another
 * process (its own heap and collector; the two still share the cores). Prints one JSON object.
 */
@Command(name = "bench-decide-rate", mixinStandardHelpOptions = true,
    description = "Decide's peak and its latency at fixed rates, over HTTP, with a large catalog.")
public final class DecideRateCommand implements Callable<Integer> {

  @Option(names = "--offers", description = "offers in the synthetic catalog (default ${DEFAULT-VALUE})") int offers = 200;
  @Option(names = "--eligible", description = "offers every profile is eligible for; the rest fail their own condition "
      + "(default: all)") Integer eligible;
  @Option(names = "--profiles", description = "profiles preloaded (default ${DEFAULT-VALUE})") int profiles = 5_000;
  @Option(names = "--in-flight", description = "requests outstanding when measuring the peak (default ${DEFAULT-VALUE})") int inFlight = 16;
  @Option(names = "--connections", description = "client connections (default ${DEFAULT-VALUE})") int connections = 64;
  @Option(names = "--duration", description = "seconds measured per step (default ${DEFAULT-VALUE})") int duration = 20;
  @Option(names = "--warmup", description = "seconds of unmeasured load before each step (default ${DEFAULT-VALUE})") int warmup = 10;
  @Option(names = "--fractions", split = ",", description = "rates as fractions of the measured peak (default ${DEFAULT-VALUE})")
  List<Double> fractions = List.of(0.25, 0.5);
  @Option(names = "--rates", split = ",", description = "fixed rates in decides/s instead of fractions of the peak") List<Double> rates;
  @Option(names = "--no-peak", description = "with --rates: skip measuring the peak (for runs that must allocate little, "
      + "such as under a no-op collector)") boolean noPeak;
  @Option(names = "--port", description = "measure the engine already listening on 127.0.0.1:PORT, in its own JVM, instead of starting "
      + "one in this process (start it with KAIROS_DECIDE_OFFERS_FILE set to a --write-catalog file; with tokens, export its "
      + "KAIROS_SERVER_ADMIN_TOKEN here too)") Integer port;
  @Option(names = "--write-catalog", description = "write the synthetic catalog of --offers offers to this file and exit") Path writeCatalog;

  public static void main(String[] args) {
    System.exit(cli().execute(args));
  }

  /** The command line, with a refused engine or catalog reported in one line and exit code 2. */
  static CommandLine cli() {
    CommandLine cli = new CommandLine(new DecideRateCommand());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof IllegalStateException) {
        cmd.getErr().println("error: " + e.getMessage());
        return 2;
      }
      throw e;
    });
    return cli;
  }

  @Override
  public Integer call() throws Exception {
    if (writeCatalog != null) {
      System.out.println(SyntheticCatalog.writeYaml(offers, eligible(), writeCatalog).toAbsolutePath());
      return 0;
    }
    if (noPeak && rates == null) {
      System.err.println("bench-decide-rate: --no-peak needs --rates (the fractions are of the peak)");
      return 2;
    }
    if (port != null) {
      System.out.println(measure(port, "separate process on port " + port, null).encodePrettily());
      return 0;
    }
    Path home = ConfigLoader.findHome(Path.of(""), System.getenv());
    try (ScratchDirectory scratch = ScratchDirectory.create("kairos-bench-rate")) {
      Path work = scratch.path();
      Path catalog = SyntheticCatalog.writeYaml(offers, eligible(), work.resolve("offers.yaml"));
      KairosConfig config = ConfigLoader.load(home, null, System.getenv(), Map.of("server.port", "0", "server.host", "127.0.0.1",
          "store.dataDir", work.resolve("data").toString(), "decide.offersFile", catalog.toString(),
          "server.adminToken", "", "server.clientTokens", "")); // its own loopback engine: no tokens, whatever the shell exports
      KairosEngine engine = new KairosEngine(config);
      try {
        System.out.println(measure(engine.start().await(), "in this process", config.learning().explore()).encodePrettily());
        return 0;
      } finally {
        engine.stop();
      }
    }
  }

  /**
   * Refuses to measure an engine on its own whose catalog is not the synthetic one asked for (same
   * offers, same conditions), so the figures cannot describe another catalog by mistake.
   */
  private void checkCatalog(int enginePort, String authorization) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<String> r = http.send(BenchCommand.request(enginePort, "/v1/admin/offers", authorization).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("cannot read the catalog of the engine on port " + enginePort + ": " + r.statusCode() + " " + r.body());
    }
    Map<String, List<String>> served = new HashMap<>();
    for (Object o : new JsonObject(r.body()).getJsonArray("offers")) {
      JsonObject offer = (JsonObject) o;
      served.put(offer.getString("id"), offer.getJsonArray("conditions", new JsonArray()).stream().map(String::valueOf).toList());
    }
    Map<String, List<String>> expected = new HashMap<>();
    SyntheticCatalog.specs(offers, eligible()).forEach(s -> expected.put(s.id(), s.conditions()));
    if (!served.equals(expected)) {
      throw new IllegalStateException("the engine on port " + enginePort + " serves " + served.size() + " offers, not the synthetic catalog of "
          + offers + " (" + eligible() + " eligible): start it with KAIROS_DECIDE_OFFERS_FILE set to the file of "
          + "bin/kairos bench-decide-rate --offers " + offers + " --eligible " + eligible() + " --write-catalog FILE");
    }
  }

  private int eligible() {
    return eligible == null ? offers : Math.max(0, Math.min(eligible, offers));
  }

  /** Preloads profiles into the engine on {@code enginePort}, then measures the peak and the fixed rates. */
  private JsonObject measure(int enginePort, String engineWhere, Boolean explore) throws Exception {
    // An engine started on its own may require tokens: the admin token from the environment is accepted on every route.
    String token = port == null ? null : System.getenv("KAIROS_SERVER_ADMIN_TOKEN");
    String authorization = token == null || token.isBlank() ? null : "Bearer " + token.strip();
    if (port != null) {
      checkCatalog(enginePort, authorization);
    }
    MetricsReading first = MetricsReading.read(enginePort);
    BenchCommand.preload(enginePort, profiles, authorization);
    JsonObject report = new JsonObject().put("command", "bin/kairos bench-decide-rate --offers " + offers
            + (eligible() < offers ? " --eligible " + eligible() : "") + " --profiles " + profiles
            + " --in-flight " + inFlight + " --duration " + duration + " --warmup " + warmup + (port != null ? " --port " + port : ""))
        .put("at", Instant.now().toString()).put("machine", Machine.describe("-").getString("description")).put("offers", offers)
        .put("eligible", eligible()).put("engine", engineWhere).put("explore", explore);
    try (DecideLoad load = new DecideLoad(enginePort, profiles, connections, authorization)) {
      double peakRate = Double.NaN;
      if (!(noPeak && rates != null)) {
        System.err.printf("bench-decide-rate: peak, %d in flight (%d s warm-up, %d s measured)%n", inFlight, warmup, duration);
        load.closed(inFlight, warmup);
        MetricsReading before = MetricsReading.read(enginePort);
        DecideLoad.Result peak = load.closed(inFlight, duration);
        MetricsReading after = MetricsReading.read(enginePort);
        report.put("peak", json(peak).put("stage_mean_us", after.meansSince(before))
            .put("blocked_thread_warnings", after.blockedThreadsSince(before)));
        peakRate = peak.throughput();
      }
      double measuredPeak = peakRate;
      JsonArray steps = new JsonArray();
      List<Double> targets = rates != null ? rates : fractions.stream().map(f -> Math.floor(f * measuredPeak)).toList();
      for (double rate : targets) {
        System.err.printf("bench-decide-rate: %.0f decides/s (%d s warm-up, %d s measured)%n", rate, warmup, duration);
        load.open(rate, warmup);
        MetricsReading start = MetricsReading.read(enginePort);
        DecideLoad.Result step = load.open(rate, duration);
        MetricsReading end = MetricsReading.read(enginePort);
        steps.add(json(step).put("rate", rate).put("of_peak", Double.isNaN(measuredPeak) ? null : round(rate / measuredPeak))
            .put("stage_mean_us", end.meansSince(start)).put("blocked_thread_warnings", end.blockedThreadsSince(start)));
      }
      report.put("fixed_rate", steps);
      // Preload, warm-ups and measured steps: the target is none at all.
      report.put("blocked_thread_warnings", MetricsReading.read(enginePort).blockedThreadsSince(first));
    }
    return report;
  }

  private static JsonObject json(DecideLoad.Result r) {
    return new JsonObject().put("answered", r.latencies().length).put("errors", r.errors()).put("throughput", Math.round(r.throughput()))
        .put("p50_ms", round(r.percentileMillis(50))).put("p90_ms", round(r.percentileMillis(90)))
        .put("p99_ms", round(r.percentileMillis(99))).put("p999_ms", round(r.percentileMillis(99.9)))
        .put("max_ms", round(r.percentileMillis(100)));
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
