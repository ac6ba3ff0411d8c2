package io.kairos.engine.bench;

import io.vertx.core.json.JsonObject;

/**
 * What one wrk run measured. Latencies in microseconds.
 *
 * @param errors socket errors, timeouts and non-2xx/3xx responses together
 */
public record WrkResult(long requests, double seconds, long errors, long p50, long p95, long p99, long p999, long max) {

  /** Parses the {@code BENCH {...}} line our Lua {@code done} hook prints. */
  public static WrkResult parse(String wrkOutput) {
    for (String line : wrkOutput.split("\n")) {
      if (line.startsWith("BENCH ")) {
        JsonObject j = new JsonObject(line.substring("BENCH ".length()));
        return new WrkResult(j.getLong("requests"), j.getLong("duration_us") / 1e6, j.getLong("errors"), j.getLong("p50"),
            j.getLong("p95"), j.getLong("p99"), j.getLong("p999"), j.getLong("max"));
      }
    }
    throw new IllegalStateException("wrk printed no BENCH line; its output was:\n" + wrkOutput);
  }

  public double requestsPerSecond() {
    return requests / seconds;
  }
}
