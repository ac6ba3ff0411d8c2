package io.kairos.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A real Vert.x with a 50 ms event-loop limit: blocking a loop for longer is counted under pool=event_loop. */
class BlockedThreadCounterTest {

  @Test
  void countsBlockedEventLoopsOnTheMetricsEndpoint() throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setBlockedThreadCheckInterval(20).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
        .setMaxEventLoopExecuteTime(50).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
    try (KairosMetrics metrics = new KairosMetrics()) {
      BlockedThreadCounter.install(vertx, metrics);
      assertThat(count(metrics.scrape(), "event_loop")).as("nothing blocked yet").isZero();
      CountDownLatch done = new CountDownLatch(1);
      vertx.runOnContext(v -> {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400);
        while (System.nanoTime() < end) {
          Thread.onSpinWait(); // holds the event loop 400 ms, eight times its limit
        }
        done.countDown();
      });
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (count(metrics.scrape(), "event_loop") < 1 && System.nanoTime() < deadline) {
        Thread.onSpinWait(); // the checker reports on its next pass
      }
      assertThat(count(metrics.scrape(), "event_loop")).as("a 400 ms block of an event loop").isGreaterThanOrEqualTo(1);
      assertThat(count(metrics.scrape(), "worker")).isZero();
    } finally {
      vertx.close().await();
    }
  }

  static double count(String scrape, String pool) {
    Matcher m = Pattern.compile("(?m)^kairos_vertx_blocked_threads_total\\{pool=\"" + pool + "\"} ([0-9.E+]+)$").matcher(scrape);
    assertThat(m.find()).as("kairos_vertx_blocked_threads_total{pool=" + pool + "} in " + scrape.lines().filter(l -> l.contains("blocked"))
        .toList()).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
