package io.kairos.engine.metrics;

import io.micrometer.core.instrument.Counter;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.threadchecker.BlockedThreadEvent;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts Vert.x's blocked-thread warnings as {@code kairos_vertx_blocked_threads_total{pool=event_loop|worker}}
 * and logs each one as Vert.x does (same logger name and text, the stack once the block passes the
 * warning-exception time), so a benchmark or an operator can assert "none" instead of reading logs.
 * Uses Vert.x's internal checker API ({@code VertxInternal.blockedThreadChecker}), pinned with the Vert.x version.
 */
public final class BlockedThreadCounter {

  private static final Logger LOG = LoggerFactory.getLogger("io.vertx.core.impl.BlockedThreadChecker");
  static final String METRIC = "kairos.vertx.blocked.threads";

  private BlockedThreadCounter() {}

  /** Replaces the default handler of {@code vertx}'s blocked-thread checker with one that counts and logs. */
  public static void install(Vertx vertx, KairosMetrics metrics) {
    Counter eventLoops = metrics.counter(METRIC, "pool", "event_loop");
    Counter workers = metrics.counter(METRIC, "pool", "worker");
    ((VertxInternal) vertx).blockedThreadChecker().setThreadBlockedHandler(event -> {
      (isEventLoop(event.thread()) ? eventLoops : workers).increment();
      log(event);
    });
  }

  private static boolean isEventLoop(Thread thread) {
    return thread.getName().startsWith("vert.x-eventloop-thread");
  }

  private static void log(BlockedThreadEvent event) {
    String message = "Thread " + event.thread().getName() + " has been blocked for " + TimeUnit.NANOSECONDS.toMillis(event.duration())
        + " ms, time limit is " + TimeUnit.NANOSECONDS.toMillis(event.maxExecTime()) + " ms";
    if (event.duration() <= event.warningExceptionTime()) {
      LOG.warn(message);
    } else {
      VertxException stack = new VertxException("Thread blocked");
      stack.setStackTrace(event.thread().getStackTrace());
      LOG.warn(message, stack);
    }
  }
}
