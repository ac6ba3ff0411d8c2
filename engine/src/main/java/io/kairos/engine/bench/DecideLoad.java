package io.kairos.engine.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A small load generator for decide, on its own Vert.x instance (one event loop) and kept-alive
 * connections: closed loop (a fixed number of requests in flight, for the peak) or open loop (requests
 * started at a fixed rate whatever the answers do). Open-loop latency is measured from the moment a
 * request was due, not from when it was sent, so a stalled engine shows up in the tail instead of
 * silently slowing the load (no coordinated omission).
 */
final class DecideLoad implements AutoCloseable {

  /** What one run measured: latencies in nanoseconds (sorted), answers that were not 200, and seconds elapsed. */
  record Result(long[] latencies, long errors, double seconds) {
    double throughput() {
      return latencies.length / seconds;
    }

    double percentileMillis(double p) {
      if (latencies.length == 0) {
        return Double.NaN;
      }
      int i = (int) Math.min(latencies.length - 1, Math.ceil(p / 100 * latencies.length) - 1);
      return latencies[Math.max(0, i)] / 1e6;
    }
  }

  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
  private final HttpClient client;
  private final int port;
  private final int profiles;

  private final String authorization;

  /** @param authorization the {@code Authorization} header to send, or null */
  DecideLoad(int port, int profiles, int connections, String authorization) {
    this.authorization = authorization;
    this.port = port;
    this.profiles = profiles;
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
        new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
  }

  /** Keeps {@code inFlight} decides outstanding for {@code seconds}; the peak throughput. */
  Result closed(int inFlight, double seconds) throws InterruptedException {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long start = System.nanoTime();
    LatencyLog log = new LatencyLog((int) (seconds * 50_000));
    CountDownLatch done = new CountDownLatch(inFlight);
    for (int i = 0; i < inFlight; i++) {
      loop(end, log, done);
    }
    done.await();
    return log.result((System.nanoTime() - start) / 1e9);
  }

  private void loop(long end, LatencyLog log, CountDownLatch done) {
    if (System.nanoTime() >= end) {
      done.countDown();
      return;
    }
    long sent = System.nanoTime();
    send(status -> {
      log.add(System.nanoTime() - sent, status);
      loop(end, log, done);
    });
  }

  /**
   * Starts {@code rate} decides per second for {@code seconds}, each at its due time, and waits up to
   * 60 s for the last answers. Latency runs from the due time to the answer.
   */
  Result open(double rate, double seconds) throws InterruptedException {
    int total = (int) (rate * seconds);
    LatencyLog log = new LatencyLog(total);
    CountDownLatch answered = new CountDownLatch(total);
    long start = System.nanoTime() + 1_000_000;
    for (int i = 0; i < total; i++) {
      long due = start + (long) (i * 1e9 / rate);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      send(status -> {
        log.add(System.nanoTime() - due, status);
        answered.countDown();
      });
    }
    if (!answered.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException(answered.getCount() + " decides unanswered 60 s after the run");
    }
    return log.result((System.nanoTime() - start) / 1e9);
  }

  private void send(IntConsumer onAnswer) {
    String body = "{\"identifiers\":{\"userId\":\"bench-u" + ThreadLocalRandom.current().nextInt(profiles) + "\"},\"channel\":\"web\",\"limit\":3}";
    client.request(HttpMethod.POST, port, "127.0.0.1", "/v1/decide")
        .compose(req -> (authorization == null ? req : req.putHeader("Authorization", authorization))
            .putHeader("content-type", "application/json").send(Buffer.buffer(body))
            // The body is read and dropped, not gathered: with 200 offers an explained answer is ~17 KB, and gathering it
            // was 11% of all allocation in the engine's JVM when the load runs in it.
            .compose(resp -> resp.handler(chunk -> {}).end().map(v -> resp.statusCode())))
        .onComplete(ar -> onAnswer.accept(ar.succeeded() ? ar.result() : -1));
  }

  @Override
  public void close() {
    client.close().await();
    vertx.close().await();
  }

  /** Latencies collected from the client's event loop and read once the run is over. */
  private static final class LatencyLog {
    private long[] nanos;
    private int count;
    private long errors;

    LatencyLog(int expected) {
      nanos = new long[Math.max(16, expected)];
    }

    synchronized void add(long latency, int status) {
      if (status != 200) {
        errors++;
        return;
      }
      if (count == nanos.length) {
        nanos = Arrays.copyOf(nanos, nanos.length * 2);
      }
      nanos[count++] = latency;
    }

    synchronized Result result(double seconds) {
      long[] sorted = Arrays.copyOf(nanos, count);
      Arrays.sort(sorted);
      return new Result(sorted, errors, seconds);
    }
  }
}
