package io.kairos.engine.history;

import io.kairos.engine.config.ConfigLoader;
import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.enrich.SpecialDays;
import io.kairos.engine.profile.ProfileRules;
import io.kairos.engine.store.SqliteDatabase;
import io.kairos.engine.store.SqliteEventLog;
import io.kairos.engine.store.SqliteMergeLog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kairos history-dataset}: writes a propensity training set from a data directory's event
 * history (the engine may be running: SQLite readers do not block its writer).
 */
@Command(name = "history-dataset", mixinStandardHelpOptions = true, description = {
    "Features of every profile as of --cutoff and whether it purchased within --horizon-days after it, as CSV",
    "(label column Purchased) for 'kairos propensity train|eval'. Prints a JSON summary."})
public final class HistoryDatasetCommand implements Callable<Integer> {

  @Option(names = "--data-dir", required = true) Path dataDir;
  @Option(names = "--cutoff", required = true, description = "ISO-8601 instant, e.g. 2026-10-01T00:00:00Z") String cutoff;
  @Option(names = "--horizon-days", defaultValue = "7") int horizonDays;
  @Option(names = "--lookback-days", defaultValue = "30", description = "profiles seen within this many days before the cut-off")
  int lookbackDays;
  @Option(names = "--out", required = true) Path out;
  @Option(names = "--config", description = "engine configuration (session timeout, special days)") Path config;

  public static void main(String[] args) {
    System.exit(new CommandLine(new HistoryDatasetCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Instant at;
    try {
      at = Instant.parse(cutoff);
    } catch (DateTimeParseException e) {
      System.err.println("error: --cutoff '" + cutoff + "' is not an ISO-8601 instant such as 2026-10-01T00:00:00Z");
      return 2;
    }
    if (horizonDays < 1 || lookbackDays < 1) {
      System.err.println("error: --horizon-days and --lookback-days must be at least 1");
      return 2;
    }
    KairosConfig c = ConfigLoader.load(ConfigLoader.findHome(Path.of(""), System.getenv()), config, System.getenv(),
        Map.of("store.dataDir", dataDir.toString()));
    ProfileRules rules = new ProfileRules(c.grid().recentInteractions(), c.grid().sessionTimeoutMinutes() * 60_000L);
    try (SqliteDatabase db = new SqliteDatabase(c.store().dataDir(), false,
        Stream.of(SqliteEventLog.SCHEMA, SqliteMergeLog.SCHEMA).flatMap(java.util.List::stream).toList())) {
      HistoryDataset.Result result = HistoryDataset.build(new SqliteEventLog(db), new SqliteMergeLog(db), rules,
          new SpecialDays(c.models().occasions()), at, Duration.ofDays(horizonDays), Duration.ofDays(lookbackDays));
      HistoryDataset.writeCsv(result, out);
      System.out.printf("{\"cutoff\": \"%s\", \"horizon_days\": %d, \"rows\": %d, \"positives\": %d, \"events_before_cutoff\": %d, \"out\": \"%s\"}%n",
          at, horizonDays, result.rows().size(), result.positives(), result.eventsBeforeCutoff(), out);
    }
    return 0;
  }
}
