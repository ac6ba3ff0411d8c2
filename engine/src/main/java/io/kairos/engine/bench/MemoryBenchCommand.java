package io.kairos.engine.bench;

import io.kairos.engine.KairosEngine;
import io.kairos.engine.config.ConfigLoader;
import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.identity.RandomIds;
import io.kairos.engine.ingest.EnrichedEvent;
import io.kairos.engine.ingest.Event;
import io.kairos.engine.ingest.EventJson;
import io.kairos.engine.ingest.StandardEventKind;
import io.kairos.engine.store.SqliteDatabase;
import io.kairos.engine.store.SqliteEventLog;
import io.kairos.engine.store.StoredEvent;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kairos bench-memory}: writes a realistic history for N profiles straight into a fresh
 * event log, starts the engine on it (replay of the whole history), stops it (which writes the
 * snapshot), starts it again and reports the time until each start is ready with all of them and
 * the stop's duration, heap bytes per profile after GC (against an engine started on an empty store
 * in the same process), the grid's own accounting and the classes whose live bytes grew most (JVM
 * class histograms of the two engines). Prints one JSON object.
 */
@Command(name = "bench-memory", mixinStandardHelpOptions = true, description = {
    "Profiles per heap byte and restart time. Each profile: anonymousId, userId, e-mail; two traits;",
    "an identify, a page view, two product views, a cart add and a purchase over the last 30 days."})
public final class MemoryBenchCommand implements Callable<Integer> {

  /** How many classes the output lists under {@code heap_growth_by_class}. */
  private static final int HISTOGRAM_ROWS = 15;

  @Option(names = "--profiles", defaultValue = "1000000") int profiles;
  @Option(names = "--data-dir", description = "where the history is written (default: a new temporary directory)") Path dataDir;

  public static void main(String[] args) {
    System.exit(new CommandLine(new MemoryBenchCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path home = ConfigLoader.findHome(Path.of(""), System.getenv());
    try (ScratchDirectory scratch = ScratchDirectory.orCreate(dataDir, "kairos-memory");
        ScratchDirectory empty = ScratchDirectory.create("kairos-memory-empty")) {
      return run(home, dataDir != null ? dataDir : scratch.path().resolve("data"), empty.path());
    }
  }

  private int run(Path home, Path data, Path emptyData) throws Exception {
    long genStart = System.nanoTime();
    long events = generate(data);
    double generateSeconds = (System.nanoTime() - genStart) / 1e9;
    System.err.printf("bench-memory: wrote %,d events for %,d profiles in %.0f s%n", events, profiles, generateSeconds);

    ClassHistogram[] histograms = new ClassHistogram[2];
    long emptyHeap = heapOfEngine(home, emptyData, null, h -> histograms[0] = h);
    JsonObject replay = new JsonObject();
    heapOfEngine(home, data, replay, h -> {}); // first start: no snapshot yet, the whole history is replayed; the stop writes one
    JsonObject full = new JsonObject();
    long fullHeap = heapOfEngine(home, data, full, h -> histograms[1] = h);
    JsonObject out = new JsonObject()
        .put("command", "bin/kairos bench-memory --profiles " + profiles)
        .put("machine", Machine.describe("wrk"))
        .put("max_heap_bytes", Runtime.getRuntime().maxMemory())
        .put("profiles", profiles)
        .put("events", events)
        .put("history_write_seconds", Math.round(generateSeconds))
        .put("full_replay_ready_ms", replay.getLong("ready_ms"))
        .put("snapshot_write_ms", replay.getLong("stop_ms"))
        .put("restart_ready_ms", full.getLong("ready_ms"))
        .put("restart_from_snapshot_profiles", full.getLong("snapshot_profiles"))
        .put("heap_bytes_empty_engine", emptyHeap)
        .put("heap_bytes_with_profiles", fullHeap)
        .put("heap_bytes_per_profile", (fullHeap - emptyHeap) / profiles)
        .put("grid_profile_bytes_per_profile", full.getLong("grid_profiles_bytes") / profiles)
        .put("grid_link_bytes_per_profile", full.getLong("grid_links_bytes") / profiles)
        .put("profiles_in_grid", full.getLong("profiles_in_grid"))
        .put("heap_growth_by_class", histograms[1].largestGrowth(histograms[0], HISTOGRAM_ROWS, profiles));
    System.out.println(out.encodePrettily());
    return 0;
  }

  /** Starts an engine on {@code data}, measures heap after GC, reads its grid figures into {@code into}, stops it. */
  private long heapOfEngine(Path home, Path data, JsonObject into, Consumer<ClassHistogram> histogram) throws Exception {
    KairosConfig config = ConfigLoader.load(home, null, System.getenv(),
        Map.of("server.port", "0", "server.host", "127.0.0.1", "store.dataDir", data.toString()));
    KairosEngine engine = new KairosEngine(config);
    long start = System.nanoTime();
    int port = engine.start().await();
    long readyMs = (System.nanoTime() - start) / 1_000_000;
    try {
      long heap = settledHeap();
      histogram.accept(ClassHistogram.take());
      if (into != null) {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        into.put("ready_ms", readyMs)
            .put("grid_profiles_bytes", metric(metrics, "kairos_grid_map_memory_bytes{map=\"profiles\""))
            .put("grid_links_bytes", metric(metrics, "kairos_grid_map_memory_bytes{map=\"identity_links\""))
            .put("profiles_in_grid", metric(metrics, "kairos_grid_map_entries{map=\"profiles\""))
            .put("snapshot_profiles", metric(metrics, "kairos_start_snapshot_profiles"));
      }
      return heap;
    } finally {
      long stopStart = System.nanoTime();
      engine.stop();
      if (into != null) {
        into.put("stop_ms", (System.nanoTime() - stopStart) / 1_000_000);
      }
    }
  }

  private static long settledHeap() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(300);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** The value on the scrape's line for {@code prefix} (a name, or a name with the start of its tags), or -1. */
  static long metric(String scrape, String prefix) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(prefix) + "(?:[^}\\n]*})? ([0-9.E+]+)$").matcher(scrape);
    return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
  }

  /** The history, appended in chunks through the engine's own event log (its JSON form, unique ids). */
  private long generate(Path data) throws Exception {
    Random random = new Random(42);
    long now = Instant.now().toEpochMilli();
    long count = 0;
    try (SqliteDatabase db = new SqliteDatabase(data, false, SqliteEventLog.SCHEMA)) {
      SqliteEventLog log = new SqliteEventLog(db);
      List<StoredEvent> chunk = new ArrayList<>();
      for (int i = 0; i < profiles; i++) {
        String profileId = RandomIds.uuid();
        Map<String, String> ids = Map.of("anonymousId", "anon-" + i, "userId", "user-" + i, "email", "person" + i + "@example.com");
        long t = now - (long) (random.nextDouble() * 30 * 86_400_000L);
        String product = "sku-" + random.nextInt(5_000);
        double price = 5 + random.nextInt(200);
        List<Event> history = List.of(
            event(StandardEventKind.IDENTIFY, t, ids, Map.of(), Map.of("name", "Person " + i, "tier", i % 10 == 0 ? "gold" : "standard")),
            event(StandardEventKind.PAGE_VIEW, t + 10_000, Map.of("anonymousId", "anon-" + i), Map.of("pageType", "home"), Map.of()),
            event(StandardEventKind.PRODUCT_VIEW, t + 40_000, Map.of("anonymousId", "anon-" + i), Map.of("productId", product), Map.of()),
            event(StandardEventKind.PRODUCT_VIEW, t + 90_000, Map.of("anonymousId", "anon-" + i),
                Map.of("productId", "sku-" + random.nextInt(5_000)), Map.of()),
            event(StandardEventKind.ADD_TO_CART, t + 120_000, Map.of("anonymousId", "anon-" + i),
                Map.of("productId", product, "price", price, "quantity", 1), Map.of()),
            event(StandardEventKind.PURCHASE, t + 200_000, Map.of("userId", "user-" + i), Map.of("total", price), Map.of()));
        for (Event e : history) {
          String storedId = RandomIds.uuid();
          chunk.add(new StoredEvent(profileId, storedId, null, e.kind().wireName(), e.channel(), e.timestamp().toEpochMilli(), now,
              EventJson.toJson(new EnrichedEvent(e, profileId, null, now)).put("messageId", storedId).encode()));
        }
        if (chunk.size() >= 6_000) {
          count += append(log, chunk);
        }
      }
      count += append(log, chunk);
    }
    return count;
  }

  private static long append(SqliteEventLog log, List<StoredEvent> chunk) throws Exception {
    int n = chunk.size();
    log.append(new ArrayList<>(chunk)).get();
    chunk.clear();
    return n;
  }

  private static Event event(StandardEventKind kind, long at, Map<String, String> ids, Map<String, Object> properties,
      Map<String, Object> traits) {
    return new Event(null, kind, Instant.ofEpochMilli(at), "web", ids, Map.of(), properties, traits, Map.of(), null);
  }
}
