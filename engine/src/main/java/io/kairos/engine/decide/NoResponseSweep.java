package io.kairos.engine.decide;

import io.kairos.engine.store.DecisionLog;
import io.kairos.engine.store.DecisionLog.Shown;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns silence into a refusal: an offer that got an {@code impression} and no learning outcome
 * within {@code learning.noResponseSeconds} is fed back as {@value #OUTCOME}, which the offer's
 * model learns as a negative. Without it a model hears only from people who answer, and an offer
 * people ignore keeps its optimistic prior. Works from the durable feedback log, so impressions
 * that came due while the engine was down are handled after the next start; goes through
 * {@link DecisionService#feedback}, so a late answer and the sweep cannot both teach the model.
 */
public final class NoResponseSweep {

  public static final String OUTCOME = "no_response";
  private static final Logger LOG = LoggerFactory.getLogger(NoResponseSweep.class);
  private static final int PAGE = 500;

  private final Vertx vertx;
  private final WorkerExecutor workers;
  private final DecisionService decisions;
  private final DecisionLog log;
  private final List<String> answers;
  private final long afterMillis;
  private final long ttlMillis;
  private final Clock clock;
  private final Counter learned;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicLong passes = new AtomicLong();
  private long timer = -1;

  public NoResponseSweep(Vertx vertx, WorkerExecutor workers, DecisionService decisions, DecisionLog log, int noResponseSeconds,
      int ttlHours, Clock clock, Counter learned) {
    this.vertx = vertx;
    this.workers = workers;
    this.decisions = decisions;
    this.log = log;
    this.answers = decisions.policy().answers();
    this.afterMillis = TimeUnit.SECONDS.toMillis(noResponseSeconds);
    this.ttlMillis = TimeUnit.HOURS.toMillis(ttlHours);
    this.clock = clock;
    this.learned = learned;
  }

  /** Sweeps every half of the no-response time, between 250 ms and one minute. */
  public void start() {
    long period = Math.max(250, Math.min(60_000, afterMillis / 2));
    timer = vertx.setPeriodic(period, id -> sweep());
  }

  /**
   * Cancels the timer. Call it before closing Vert.x: a periodic timer set outside a verticle kept
   * the whole closed engine reachable (the test suite, which starts dozens of engines in one JVM,
   * ran out of heap until the engine cancelled it on stop).
   */
  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** Passes completed since start (a gauge; tests wait on it instead of sleeping). */
  public long passes() {
    return passes.get();
  }

  /**
   * One pass over every impression that is due (older than the no-response time, younger than the
   * decision TTL) and unanswered; completes with how many became {@value #OUTCOME}. A pass still
   * running makes this one a no-op (0).
   */
  public Future<Integer> sweep() {
    if (!running.compareAndSet(false, true)) {
      return Future.succeededFuture(0);
    }
    long now = clock.millis();
    return page(now, 0, 0).onComplete(done -> {
      passes.incrementAndGet();
      running.set(false);
    }).onFailure(e -> LOG.warn("no-response sweep failed: {}", e.toString()));
  }

  private Future<Integer> page(long now, long afterSeq, int sofar) {
    return workers.executeBlocking(() -> log.unanswered("impression", answers, now - ttlMillis, now - afterMillis, afterSeq, PAGE), false)
        .compose(due -> {
          if (due.isEmpty()) {
            return Future.succeededFuture(sofar);
          }
          List<Future<Boolean>> fed = new ArrayList<>(due.size());
          for (Shown s : due) {
            fed.add(feedBack(s, now));
          }
          return Future.join(fed).compose(all -> {
            int count = sofar;
            for (Future<Boolean> f : fed) {
              count += f.result() ? 1 : 0;
            }
            return due.size() < PAGE ? Future.succeededFuture(count) : page(now, due.get(due.size() - 1).seq(), count);
          });
        });
  }

  /** Succeeds with whether the model learned; a refused one (decision erased or expired meanwhile) is logged and skipped. */
  private Future<Boolean> feedBack(Shown s, long now) {
    JsonObject body = new JsonObject().put("decisionId", s.decisionId()).put("offerId", s.offerId()).put("outcome", OUTCOME)
        .put("afterSeconds", afterMillis / 1000).put("sweptAt", now);
    return decisions.feedback(s.decisionId(), s.offerId(), OUTCOME, body).map(r -> {
      if (r.learned()) {
        learned.increment();
      }
      return r.learned();
    }).recover(e -> {
      LOG.debug("no-response for offer {} of decision {} not applied: {}", s.offerId(), s.decisionId(), e.toString());
      return Future.succeededFuture(false);
    });
  }
}
