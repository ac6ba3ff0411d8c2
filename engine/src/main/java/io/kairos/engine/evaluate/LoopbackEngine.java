package io.kairos.engine.evaluate;

import io.kairos.engine.KairosEngine;
import io.kairos.engine.config.KairosConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** An engine started in this process and a plain HTTP client on loopback, for replay commands. */
final class LoopbackEngine implements AutoCloseable {

  private final KairosEngine engine;
  private final String base;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private LoopbackEngine(KairosEngine engine, int port) {
    this.engine = engine;
    this.base = "http://127.0.0.1:" + port;
  }

  static LoopbackEngine start(KairosConfig config) {
    KairosEngine engine = new KairosEngine(config);
    return new LoopbackEngine(engine, engine.start().await());
  }

  /** Sends events in batches of 100. */
  void ingest(List<JsonObject> events, int threads) throws Exception {
    List<List<JsonObject>> batches = new ArrayList<>();
    for (int i = 0; i < events.size(); i += 100) {
      batches.add(events.subList(i, Math.min(events.size(), i + 100)));
    }
    forEach(batches, threads, b -> send("POST", "/v1/events", new JsonObject().put("batch", new JsonArray(new ArrayList<>(b)))));
  }

  JsonObject decide(JsonObject request) {
    return send("POST", "/v1/decide", request);
  }

  JsonObject feedback(JsonObject body) {
    return send("POST", "/v1/feedback", body);
  }

  JsonObject get(String path) {
    return send("GET", path, null);
  }

  /** Runs the action for every item on a few threads; the first failure fails the whole run. */
  <T> void forEach(List<T> items, int threads, Consumer<T> action) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> running = new ArrayList<>();
      int per = (items.size() + threads - 1) / threads;
      for (int t = 0; t < threads; t++) {
        List<T> slice = items.subList(Math.min(items.size(), t * per), Math.min(items.size(), (t + 1) * per));
        running.add(pool.submit(() -> slice.forEach(action)));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private JsonObject send(String method, String path, JsonObject body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("content-type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()));
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 300) {
        throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
      }
      return new JsonObject(r.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    engine.stop();
  }
}
