package io.kairos.engine.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The engine's meters. Tags are low-cardinality only (stage, route, outcome, model version).
 * Timers publish p50/p95/p99/p99.9 (client-side, as Prometheus summaries).
 */
public final class KairosMetrics implements AutoCloseable {

  /** Pipeline stages with their own timer {@code kairos.stage{stage=...}}. */
  public enum Stage { PARSE, IDENTITY, SENTIMENT, STORE_APPEND, GRID_UPDATE, PROPENSITY, WORKER_WAIT, PROFILE_READ, DECIDE, REMEMBER, SERIALIZE }

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<Stage, Timer> stages = new EnumMap<>(Stage.class);
  private final Map<String, Timer> requests = new ConcurrentHashMap<>();
  private final JvmGcMetrics gc = new JvmGcMetrics();

  public KairosMetrics() {
    for (Stage stage : Stage.values()) {
      stages.put(stage, timer("kairos.stage", "stage", stage.name().toLowerCase(java.util.Locale.ROOT)));
    }
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  public Timer stage(Stage stage) {
    return stages.get(stage);
  }

  /** End-to-end request timer, e.g. route=ingest, decide, profile. */
  public Timer request(String route) {
    return requests.computeIfAbsent(route, k -> timer("kairos.request", "route", route));
  }

  public Counter counter(String name, String... tags) {
    return registry.counter(name, tags);
  }

  public void gauge(String name, Supplier<Number> value, String... tags) {
    io.micrometer.core.instrument.Gauge.builder(name, value).tags(tags).register(registry);
  }

  public String scrape() {
    return registry.scrape();
  }

  private Timer timer(String name, String tagKey, String tagValue) {
    return Timer.builder(name).tag(tagKey, tagValue)
        .publishPercentiles(0.5, 0.95, 0.99, 0.999)
        .register(registry);
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
