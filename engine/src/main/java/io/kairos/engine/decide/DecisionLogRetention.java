package io.kairos.engine.decide;

import io.kairos.engine.store.DecisionLog;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the decision log to {@code decide.decisionLogRetentionDays}: at start and then hourly, deletes
 * the decisions made before that and their feedback, oldest first, in chunks so the store's writer
 * interleaves them with the live inserts. A logged decision names a person and, with a large catalog,
 * takes tens of kilobytes, so an unbounded log grows by gigabytes a day and keeps personal data past its use.
 */
public final class DecisionLogRetention {

  private static final Logger LOG = LoggerFactory.getLogger(DecisionLogRetention.class);
  static final int CHUNK = 1_000;
  private static final long PERIOD_MS = TimeUnit.HOURS.toMillis(1);

  private final Vertx vertx;
  private final DecisionLog log;
  private final long retentionMillis;
  private final Clock clock;
  private final Counter deleted;
  private final AtomicBoolean running = new AtomicBoolean();
  private long timer = -1;

  public DecisionLogRetention(Vertx vertx, DecisionLog log, int retentionDays, Clock clock, Counter deleted) {
    this.vertx = vertx;
    this.log = log;
    this.retentionMillis = TimeUnit.DAYS.toMillis(retentionDays);
    this.clock = clock;
    this.deleted = deleted;
  }

  /** Prunes now, then every hour. */
  public void start() {
    prune();
    timer = vertx.setPeriodic(PERIOD_MS, id -> prune());
  }

  /** Cancels the timer (before Vert.x closes, like every periodic job set outside a verticle). */
  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** One pass; completes with how many decisions were deleted. A pass still running makes this one a no-op (0). */
  public Future<Integer> prune() {
    if (!running.compareAndSet(false, true)) {
      return Future.succeededFuture(0);
    }
    long cutoff = clock.millis() - retentionMillis;
    return chunk(cutoff, 0).onComplete(done -> running.set(false)).onSuccess(n -> {
      if (n > 0) {
        LOG.info("decision log: deleted {} decisions older than {} days, with their feedback", n, TimeUnit.MILLISECONDS.toDays(retentionMillis));
      }
    }).onFailure(e -> LOG.warn("decision log retention failed: {}", e.toString()));
  }

  private Future<Integer> chunk(long cutoff, int sofar) {
    return Future.fromCompletionStage(log.deleteOlderThan(cutoff, CHUNK)).compose(n -> {
      deleted.increment(n);
      return n < CHUNK ? Future.succeededFuture(sofar + n) : chunk(cutoff, sofar + n);
    });
  }
}
