package io.kairos.engine.bench;

import io.kairos.engine.KairosEngine;
import io.kairos.engine.config.ConfigLoader;
import io.kairos.engine.config.KairosConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
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
 * catalog; the load generator is a single Vert.x event loop in the same JVM. Prints one JSON object.
 */
@Command(name = "bench-decide-rate", mixinStandardHelpOptions = true,
    description = "Decide's peak and its latency at fixed rates, over HTTP, with a large catalog.")
public final class DecideRateCommand implements Callable<Integer> {

  @Option(names = "--offers", description = "offers in the synthetic catalog (default ${DEFAULT-VALUE})") int offers = 200;
  @Option(names = "--profiles", description = "profiles preloaded (default ${DEFAULT-VALUE})") int profiles = 5_000;
  @Option(names = "--in-flight", description = "requests outstanding when measuring the peak (default ${DEFAULT-VALUE})") int inFlight = 16;
  @Option(names = "--connections", description = "client connections (default ${DEFAULT-VALUE})") int connections = 64;
  @Option(names = "--duration", description = "seconds measured per step (default ${DEFAULT-VALUE})") int duration = 20;
  @Option(names = "--warmup", description = "seconds of unmeasured load before each step (default ${DEFAULT-VALUE})") int warmup = 10;
  @Option(names = "--fractions", split = ",", description = "rates as fractions of the measured peak (default ${DEFAULT-VALUE})")
  List<Double> fractions = List.of(0.25, 0.5);
  @Option(names = "--rates", split = ",", description = "fixed rates in decides/s instead of fractions of the peak") List<Double> rates;

  public static void main(String[] args) {
    System.exit(new CommandLine(new DecideRateCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path home = ConfigLoader.findHome(Path.of(""), System.getenv());
    try (ScratchDirectory scratch = ScratchDirectory.create("kairos-bench-rate")) {
      return run(home, scratch.path());
    }
  }

  private int run(Path home, Path work) throws Exception {
    Path catalog = SyntheticCatalog.writeYaml(offers, work.resolve("offers.yaml"));
    KairosConfig config = ConfigLoader.load(home, null, System.getenv(), Map.of("server.port", "0", "server.host", "127.0.0.1",
        "store.dataDir", work.resolve("data").toString(), "decide.offersFile", catalog.toString()));
    KairosEngine engine = new KairosEngine(config);
    try {
      int port = engine.start().await();
      BenchCommand.preload(port, profiles);
      JsonObject report = new JsonObject().put("command", "bin/kairos bench-decide-rate --offers " + offers + " --profiles " + profiles
              + " --in-flight " + inFlight + " --duration " + duration + " --warmup " + warmup)
          .put("at", Instant.now().toString()).put("machine", Machine.describe("-").getString("description")).put("offers", offers)
          .put("explore", config.learning().explore());
      try (DecideLoad load = new DecideLoad(port, profiles, connections)) {
        System.err.printf("bench-decide-rate: peak, %d in flight (%d s warm-up, %d s measured)%n", inFlight, warmup, duration);
        load.closed(inFlight, warmup);
        StageTimes before = StageTimes.read(port);
        DecideLoad.Result peak = load.closed(inFlight, duration);
        report.put("peak", json(peak).put("stage_mean_us", StageTimes.read(port).meansSince(before)));
        JsonArray steps = new JsonArray();
        List<Double> targets = rates != null ? rates : fractions.stream().map(f -> Math.floor(f * peak.throughput())).toList();
        for (double rate : targets) {
          System.err.printf("bench-decide-rate: %.0f decides/s (%d s warm-up, %d s measured)%n", rate, warmup, duration);
          load.open(rate, warmup);
          StageTimes start = StageTimes.read(port);
          DecideLoad.Result step = load.open(rate, duration);
          steps.add(json(step).put("rate", rate).put("of_peak", round(rate / peak.throughput()))
              .put("stage_mean_us", StageTimes.read(port).meansSince(start)));
        }
        report.put("fixed_rate", steps);
      }
      System.out.println(report.encodePrettily());
      return 0;
    } finally {
      engine.stop();
    }
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
