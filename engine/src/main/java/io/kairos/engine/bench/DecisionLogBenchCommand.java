package io.kairos.engine.bench;

import io.kairos.engine.identity.RandomIds;
import io.kairos.engine.store.SqliteDatabase;
import io.kairos.engine.store.SqliteDecisionLog;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/kairos bench-decision-log}: what logging decisions costs the store, alone. Writes decision-log
 * records shaped like the engine's (a web decision with three offers, their reasons and payloads, and the
 * excluded ones: about 2.4 KB, plus the packed candidates) into a new SQLite file with fsync, at a fixed
 * rate, the way decide hands them to the group-committing writer, and reports the writer thread's CPU per
 * decision and the database's bytes per decision (its pages, in the file or still in the write-ahead log). {@code --ids random} gives decisions random (version-4) ids
 * as before 2026-12-03; {@code --page-size 4096} SQLite's default page. Prints one JSON object.
 */
@Command(name = "bench-decision-log", mixinStandardHelpOptions = true,
    description = "The store writer's CPU and the file's bytes per logged decision.")
public final class DecisionLogBenchCommand implements Callable<Integer> {

  @Option(names = "--decisions", description = "decisions per round (default ${DEFAULT-VALUE})") int decisions = 64_000;
  @Option(names = "--rate", description = "decisions per second (default ${DEFAULT-VALUE})") int rate = 8_000;
  @Option(names = "--rounds", description = "rounds into the same file; the last is reported (default ${DEFAULT-VALUE})") int rounds = 2;
  @Option(names = "--ids", description = "ordered (version-7, the engine's) or random (version-4) (default ${DEFAULT-VALUE})")
  String ids = "ordered";
  @Option(names = "--page-size", description = "SQLite page size of the new file (default ${DEFAULT-VALUE})") int pageSize =
      SqliteDatabase.PAGE_SIZE;
  @Option(names = "--profiles", description = "distinct people decided for (default ${DEFAULT-VALUE})") int profiles = 20_000;
  @Option(names = "--burst", description = "decisions handed over at once, then a pause to keep the rate (default ${DEFAULT-VALUE}: "
      + "one by one, as parallel decides do)") int burst = 1;

  static final String BODY = """
      {"decisionId":"%s","profileId":"%s","channel":"web","placement":"cart","propensitySource":"model propensity@20261123T154122817; \
      drivers: PageValues +4.90, ProductRelated +0.72, VisitorType +0.48","consent":[],"offers":[{"offerId":"free-shipping",\
      "name":"Free shipping on your next order","score":11.888476655178202,"acceptance":0.9907063879315168,"propensity":0.9621489855384536,\
      "value":12.0,"probability":1.0,"reasons":["condition held: profile.purchaseCount == 0","P(accept) 0.991 (drawn from the offer's \
      model, mean 0.962; no feedback yet; starts from propensity 0.962 (model propensity@20261123T154122817; drivers: PageValues +4.90, \
      ProductRelated +0.72, VisitorType +0.48)) × value 12.00 = score 11.8885"],"payload":{"headline":"Your first order ships free.",\
      "code":"SHIPFREE"}},{"offerId":"bestsellers","name":"This week's bestsellers","score":4.869868578571167,"acceptance":\
      0.9739737157142335,"propensity":0.9621489855384536,"value":5.0,"probability":1.0,"reasons":["no conditions: offered to everyone on \
      web","P(accept) 0.974 (drawn from the offer's model, mean 0.962; no feedback yet; starts from propensity 0.962 (model \
      propensity@20261123T154122817; drivers: PageValues +4.90, ProductRelated +0.72, VisitorType +0.48)) × value 5.00 = score 4.8699"],\
      "payload":{"headline":"What everyone is buying this week."}},{"offerId":"newsletter-signup","name":"Join the newsletter","score":\
      2.550788475501712,"acceptance":0.8502628251672374,"propensity":0.9621489855384536,"value":3.0,"probability":1.0,"reasons":\
      ["condition held: !('email' in profile.traits)","P(accept) 0.850 (drawn from the offer's model, mean 0.962; no feedback yet; starts \
      from propensity 0.962 (model propensity@20261123T154122817; drivers: PageValues +4.90, ProductRelated +0.72, VisitorType +0.48)) × \
      value 3.00 = score 2.5508"],"payload":{"headline":"Get style notes and early sales by e-mail."}}],"excluded":[{"offerId":\
      "cart-saver-10","reason":"condition not met: profile.cartValue > 0"},{"offerId":"vip-early-access","reason":"condition not met: \
      profile.purchaseCount >= 3 || profile.purchaseTotal >= 500.0"},{"offerId":"win-back-call","reason":"not offered on channel web"}],\
      "policy":"thompson","features":[1.0,0.9621489855384536,0.0,0.0,1.0,0.0],"offset":3.235511527617835}""";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new DecisionLogBenchCommand()).execute(args));
  }

  @Override
  public Integer call() {
    String refused = !ids.equals("ordered") && !ids.equals("random") ? "--ids is ordered or random, not " + ids
        : decisions < 1 || rate < 1 || rounds < 1 || burst < 1 || profiles < 1
            ? "--decisions, --rate, --rounds, --burst and --profiles are at least 1" : null;
    if (refused != null) {
      spec.commandLine().getErr().println("error: " + refused);
      return 2;
    }
    String[] people = new String[profiles];
    for (int i = 0; i < people.length; i++) {
      people[i] = RandomIds.uuid();
    }
    byte[] candidates = new byte[172];
    ThreadLocalRandom.current().nextBytes(candidates);
    JsonObject out = new JsonObject().put("command", "bin/kairos bench-decision-log --decisions " + decisions + " --rate " + rate
        + " --rounds " + rounds + " --ids " + ids + " --page-size " + pageSize + " --burst " + burst).put("machine", Machine.describe(null).getString("description"));
    try (ScratchDirectory dir = ScratchDirectory.create("kairos-decision-log");
        SqliteDatabase db = new SqliteDatabase(dir.path(), true, SqliteDecisionLog.SCHEMA, pageSize)) {
      SqliteDecisionLog log = new SqliteDecisionLog(db);
      for (int round = 1; round <= rounds; round++) {
        long before = databaseBytes(db);
        long cpu = writerCpuNanos();
        long start = System.nanoTime();
        List<CompletableFuture<Void>> written = new ArrayList<>(decisions);
        for (int i = 0; i < decisions; i++) {
          long now = System.currentTimeMillis();
          String id = ids.equals("ordered") ? RandomIds.timeOrdered(now) : RandomIds.uuid();
          String person = people[ThreadLocalRandom.current().nextInt(people.length)];
          written.add(log.recordDecision(id, person, "web", "cart", now, BODY.formatted(id, person).getBytes(StandardCharsets.UTF_8),
              candidates));
          if ((i + 1) % burst == 0) {
            LockSupport.parkNanos(start + (long) ((i + 1) * 1e9 / rate) - System.nanoTime());
          }
        }
        CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        double writerMicros = (writerCpuNanos() - cpu) / 1e3 / decisions;
        long grown = databaseBytes(db) - before;
        System.err.printf("round %d: %d decisions in %.1f s, writer %.1f µs CPU per decision, %d database bytes per decision%n", round,
            decisions, seconds, writerMicros, grown / decisions);
        out.put("seconds", Math.round(seconds * 10) / 10.0).put("writer_cpu_us_per_decision", Math.round(writerMicros * 10) / 10.0)
            .put("file_bytes_per_decision", grown / decisions).put("record_bytes", BODY.formatted(RandomIds.uuid(), people[0]).length());
      }
    }
    System.out.println(out.encodePrettily());
    return 0;
  }

  /** The database's size in pages, whether they are in the file yet or still in its write-ahead log. */
  private static long databaseBytes(SqliteDatabase db) {
    long[] size = new long[2];
    db.query("PRAGMA page_count", List.of(), rs -> size[0] = rs.getLong(1));
    db.query("PRAGMA page_size", List.of(), rs -> size[1] = rs.getLong(1));
    return size[0] * size[1];
  }

  /** CPU time of the store's writer thread so far (user and system). */
  private static long writerCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(SqliteDatabase.WRITER_THREAD) && t.isAlive())
        .mapToLong(t -> threads.getThreadCpuTime(t.getId())).sum();
  }
}
