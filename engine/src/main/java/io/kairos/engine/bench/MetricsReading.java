package io.kairos.engine.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reading of the engine's {@code /metrics}: its own stage timers ({@code kairos_stage_seconds},
 * the sum and count of each stage, so the mean of a stage over one benchmark step is the difference of
 * two readings; shows where a request's time goes without a profiler) and its count of Vert.x
 * blocked-thread warnings ({@code kairos_vertx_blocked_threads_total}, all pools).
 */
record MetricsReading(Map<String, double[]> sumAndCount, long blockedThreads) {

  private static final Pattern LINE = Pattern.compile("^kairos_stage_seconds_(sum|count)\\{stage=\"([a-z_]+)\"[^}]*} ([0-9.eE+-]+)$",
      Pattern.MULTILINE);
  private static final Pattern BLOCKED = Pattern.compile("^kairos_vertx_blocked_threads_total\\{[^}]*} ([0-9.eE+-]+)$", Pattern.MULTILINE);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static MetricsReading read(int port) throws IOException, InterruptedException {
    String text = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    return parse(text);
  }

  static MetricsReading parse(String text) {
    Map<String, double[]> out = new HashMap<>();
    Matcher m = LINE.matcher(text);
    while (m.find()) {
      double[] v = out.computeIfAbsent(m.group(2), k -> new double[2]);
      v["sum".equals(m.group(1)) ? 0 : 1] = Double.parseDouble(m.group(3));
    }
    long blocked = 0;
    for (Matcher b = BLOCKED.matcher(text); b.find(); ) {
      blocked += (long) Double.parseDouble(b.group(1));
    }
    return new MetricsReading(out, blocked);
  }

  /** Blocked-thread warnings the engine logged between {@code before} and this reading. */
  long blockedThreadsSince(MetricsReading before) {
    return blockedThreads - before.blockedThreads;
  }

  /** Mean microseconds per call of each stage that ran between {@code before} and this reading. */
  JsonObject meansSince(MetricsReading before) {
    JsonObject out = new JsonObject();
    sumAndCount.forEach((stage, v) -> {
      double[] b = before.sumAndCount.getOrDefault(stage, new double[2]);
      double calls = v[1] - b[1];
      if (calls > 0) {
        out.put(stage, Math.round((v[0] - b[0]) / calls * 1e7) / 10.0);
      }
    });
    return out;
  }
}
