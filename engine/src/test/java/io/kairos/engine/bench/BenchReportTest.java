package io.kairos.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The harness's parsing and reporting (the runs themselves need wrk and are not part of the test suite). */
class BenchReportTest {

  static final String WRK_OUTPUT = """
      Running 20s test @ http://127.0.0.1:8080/ceiling
        2 threads and 16 connections
      BENCH {"requests":2000000,"duration_us":20000000,"errors":3,"p50":120,"p95":400,"p99":900,"p999":2500,"max":9000}
      """;

  @Test
  void parsesTheLuaSummaryLine() {
    WrkResult r = WrkResult.parse(WRK_OUTPUT);
    assertThat(r.requestsPerSecond()).isEqualTo(100_000.0);
    assertThat(r.errors()).isEqualTo(3);
    assertThat(r.p999()).isEqualTo(2500);
    assertThatThrownBy(() -> WrkResult.parse("unable to connect")).hasMessageContaining("no BENCH line");
  }

  @Test
  void readsStageTimesAndBlockedThreadsFromTheMetricsText() {
    MetricsReading before = MetricsReading.parse("""
        kairos_stage_seconds_count{stage="decide",} 10.0
        kairos_stage_seconds_sum{stage="decide",} 0.005
        kairos_vertx_blocked_threads_total{pool="event_loop"} 1.0
        kairos_vertx_blocked_threads_total{pool="worker"} 0.0
        """);
    MetricsReading after = MetricsReading.parse("""
        kairos_stage_seconds_count{stage="decide",} 30.0
        kairos_stage_seconds_sum{stage="decide",} 0.025
        kairos_vertx_blocked_threads_total{pool="event_loop"} 2.0
        kairos_vertx_blocked_threads_total{pool="worker"} 3.0
        """);
    assertThat(after.meansSince(before).getDouble("decide")).isEqualTo(1000.0);
    assertThat(after.blockedThreadsSince(before)).isEqualTo(4);
  }

  @Test
  void reportsRatiosTargetsAndSplicesItsSection() {
    BenchReport report = new BenchReport(new JsonObject().put("description", "2 cores"), new JsonObject().put("threads", 2)
        .put("connections", 16).put("duration_s", 20).put("warmup_s", 10).put("profiles", 100), "bin/kairos bench", "2026-11-23");
    java.util.Map<String, Scenario> scenarios = new java.util.HashMap<>();
    Scenario.all(100).forEach(s -> scenarios.put(s.name(), s));
    report.add(scenarios.get("ceiling"), new WrkResult(2_000_000, 20, 0, 100, 200, 300, 400, 500));
    report.add(scenarios.get("ceiling_view"), new WrkResult(1_700_000, 20, 0, 100, 200, 300, 400, 500));
    report.add(scenarios.get("decide"), new WrkResult(1_200_000, 20, 0, 100, 200, 300, 400, 500));
    report.add(scenarios.get("ingest_batch"), new WrkResult(10_000, 20, 0, 100, 200, 300, 400, 500));
    JsonObject json = report.toJson();
    assertThat(json.getJsonArray("results").getJsonObject(1).getDouble("ratio_to_ceiling")).as("the view-sized ceiling").isEqualTo(0.85);
    assertThat(json.getJsonArray("results").getJsonObject(2).getDouble("ratio_to_ceiling")).isEqualTo(0.6);
    assertThat(json.getJsonArray("results").getJsonObject(3).getDouble("events_per_s")).isEqualTo(50_000.0);
    report.blockedThreadWarnings(0);
    assertThat(report.toJson().getLong("blocked_thread_warnings")).isZero();
    String md = report.toMarkdown();
    assertThat(md).contains("| (a2) bare Vert.x, a fixed profile view (lookup's body) | 85,000 |")
        .contains("| (b) decide by userId, web/cart | 60,000 |").contains("≥ 0.5 × ceiling — met")
        .contains("≥ 50,000 events/s — met").contains("blocked-thread warnings in the engine over the whole run (preload, warm-ups, "
            + "measurements): 0 — target (none) met");
    String doc = "# Benchmarks\n\nintro\n\n" + BenchReport.START + "\nold\n" + BenchReport.END + "\n\n## Before/after\nkept\n";
    String spliced = BenchReport.splice(doc, md);
    assertThat(spliced).contains("intro").contains("## Before/after\nkept").doesNotContain("old\n").contains("60,000");
    assertThat(BenchReport.splice("# Benchmarks\n", md)).startsWith("# Benchmarks\n\n" + BenchReport.START);
  }
}
