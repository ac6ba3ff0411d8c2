package io.kairos.engine.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The harness's results as JSON (standard output) and as a Markdown section for docs/BENCHMARKS.md. */
final class BenchReport {

  static final String START = "<!-- bench:start -->";
  static final String END = "<!-- bench:end -->";

  private final Map<Scenario, WrkResult> results = new LinkedHashMap<>();
  private final JsonObject machine;
  private final JsonObject settings;
  private final String command;
  private final String date;
  private Long blockedThreadWarnings;

  BenchReport(JsonObject machine, JsonObject settings, String command, String date) {
    this.machine = machine;
    this.settings = settings;
    this.command = command;
    this.date = date;
  }

  void add(Scenario s, WrkResult r) {
    results.put(s, r);
  }

  /** Vert.x blocked-thread warnings the engine logged over the whole run (preload, warm-ups, measurements). */
  void blockedThreadWarnings(long count) {
    blockedThreadWarnings = count;
  }

  private double ceiling() {
    return results.entrySet().stream().filter(e -> e.getKey().name().equals("ceiling")).findFirst()
        .map(e -> e.getValue().requestsPerSecond()).orElse(Double.NaN);
  }

  JsonObject toJson() {
    JsonArray rows = new JsonArray();
    results.forEach((s, r) -> {
      JsonObject row = new JsonObject().put("name", s.name()).put("requests_per_s", round(r.requestsPerSecond()))
          .put("p50_ms", r.p50() / 1000.0).put("p95_ms", r.p95() / 1000.0).put("p99_ms", r.p99() / 1000.0)
          .put("p999_ms", r.p999() / 1000.0).put("max_ms", r.max() / 1000.0).put("errors", r.errors()).put("requests", r.requests())
          .put("ratio_to_ceiling", round(r.requestsPerSecond() / ceiling() * 1000) / 1000.0);
      if (s.eventsPerRequest() > 0) {
        row.put("events_per_s", round(r.requestsPerSecond() * s.eventsPerRequest()));
      }
      rows.add(row);
    });
    return new JsonObject().put("date", date).put("command", command).put("machine", machine).put("settings", settings)
        .put("results", rows).put("blocked_thread_warnings", blockedThreadWarnings);
  }

  String toMarkdown() {
    StringBuilder md = new StringBuilder(START).append("\n");
    md.append("Run ").append(date).append(" with `").append(command).append("` on ").append(machine.getString("description"))
        .append(". wrk ").append(settings.getInteger("threads")).append(" threads, ").append(settings.getInteger("connections"))
        .append(" connections, ").append(settings.getInteger("duration_s")).append(" s per endpoint after ")
        .append(settings.getInteger("warmup_s")).append(" s of warm-up, ").append(settings.getInteger("profiles"))
        .append(" preloaded profiles, engine and wrk on the same machine.\n\n");
    md.append("| endpoint | requests/s | events/s | p50 ms | p95 ms | p99 ms | p99.9 ms | errors | × ceiling | target |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    results.forEach((s, r) -> {
      double ratio = r.requestsPerSecond() / ceiling();
      double events = r.requestsPerSecond() * s.eventsPerRequest();
      md.append(String.format(Locale.ROOT, "| %s | %,.0f | %s | %.2f | %.2f | %.2f | %.2f | %d | %.2f | %s |%n", s.label(),
          r.requestsPerSecond(), s.eventsPerRequest() > 0 ? String.format(Locale.ROOT, "%,.0f", events) : "", r.p50() / 1000.0,
          r.p95() / 1000.0, r.p99() / 1000.0, r.p999() / 1000.0, r.errors(), ratio, verdict(s, ratio, events)));
    });
    if (blockedThreadWarnings != null) {
      md.append("\nVert.x blocked-thread warnings in the engine over the whole run (preload, warm-ups, measurements): ")
          .append(blockedThreadWarnings).append(blockedThreadWarnings == 0 ? " — target (none) met" : " — target (none) **missed**")
          .append(".\n");
    }
    return md.append(END).append("\n").toString();
  }

  private static String verdict(Scenario s, double ratio, double events) {
    if (s.target() == null) {
      return "";
    }
    boolean met = s.eventsPerRequest() > 0 ? events >= 50_000 : ratio >= (s.name().equals("decide") ? 0.5 : 0.6);
    return s.target() + (met ? " — met" : " — **missed**");
  }

  /** Replaces the harness's section of an existing document (or appends it). */
  static String splice(String document, String section) {
    int a = document.indexOf(START);
    int b = document.indexOf(END);
    if (a < 0 || b < a) {
      return document + (document.endsWith("\n") ? "" : "\n") + "\n" + section;
    }
    int after = b + END.length();
    if (after < document.length() && document.charAt(after) == '\n') {
      after++;
    }
    return document.substring(0, a) + section + document.substring(after);
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
