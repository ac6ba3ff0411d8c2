package io.kairos.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A real Vert.x with a 50 ms event-loop limit: blocking a loop for longer is counted under pool=event_loop, a quick task is not. */
class BlockedThreadCounterTest {

  @Test
  void countsBlockedEventLoopsOnTheMetricsEndpoint() throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setBlockedThreadCheckInterval(20).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
        .setMaxEventLoopExecuteTime(50).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
    try (KairosMetrics metrics = new KairosMetrics()) {
      BlockedThreadCounter.install(vertx, metrics);
      run(vertx, 1);
      assertThat(count(metrics.scrape(), "event_loop")).as("a 1 ms task").isZero();
      run(vertx, 400);
      assertThat(count(metrics.scrape(), "event_loop")).as("a 400 ms block of an event loop").isGreaterThanOrEqualTo(1);
      assertThat(count(metrics.scrape(), "worker")).isZero();
    } finally {
      vertx.close().await();
    }
  }

  private static void run(Vertx vertx, long millis) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    vertx.runOnContext(v -> {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      done.countDown();
    });
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(100); // a checker pass after the task
  }

  static double count(String scrape, String pool) {
    Matcher m = Pattern.compile("(?m)^kairos_vertx_blocked_threads_total\\{pool=\"" + pool + "\"} ([0-9.E+]+)$").matcher(scrape);
    assertThat(m.find()).as("kairos_vertx_blocked_threads_total{pool=" + pool + "} in " + scrape.lines().filter(l -> l.contains("blocked"))
        .toList()).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
