package io.kairos.engine.ingest;

import io.kairos.engine.enrich.PropensityScorer;
import io.kairos.engine.enrich.SentimentEnricher;
import io.kairos.engine.error.UnavailableException;
import io.kairos.engine.grid.PendingGridWrites;
import io.kairos.engine.identity.IdentityResolver;
import io.kairos.engine.identity.RandomIds;
import io.kairos.engine.identity.Resolution;
import io.kairos.engine.metrics.KairosMetrics;
import io.kairos.engine.metrics.KairosMetrics.Stage;
import io.kairos.engine.profile.Profile;
import io.kairos.engine.profile.ProfileChange;
import io.kairos.engine.profile.ProfileStore;
import io.kairos.engine.profile.PropensityState;
import io.kairos.engine.store.EventLog;
import io.kairos.engine.store.StoredEvent;
import io.kairos.nlp.Sentiment;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live path of a validated batch: identity and sentiment (grid worker) → durable append
 * (store writer, group commit) → atomic profile update and propensity rescoring (grid worker).
 * The returned future completes after the events are durable and applied, so a 2xx means both.
 * Nothing here blocks the calling event loop.
 */
public final class IngestPipeline {

  private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);

  private final Vertx vertx;
  private final WorkerExecutor gridWorkers;
  private final IdentityResolver identity;
  private final SentimentEnricher sentiment;
  private final EventLog eventLog;
  private final ProfileStore profiles;
  private final PropensityScorer scorer;
  private final KairosMetrics metrics;
  private final Clock clock;
  private final PendingGridWrites pending;

  public IngestPipeline(Vertx vertx, WorkerExecutor gridWorkers, IdentityResolver identity, SentimentEnricher sentiment, EventLog eventLog,
      ProfileStore profiles, PropensityScorer scorer, KairosMetrics metrics, Clock clock, PendingGridWrites pending) {
    this.vertx = vertx;
    this.gridWorkers = gridWorkers;
    this.identity = identity;
    this.sentiment = sentiment;
    this.eventLog = eventLog;
    this.profiles = profiles;
    this.scorer = scorer;
    this.metrics = metrics;
    this.clock = clock;
    this.pending = pending;
  }

  /**
   * Any failure counts as possibly half-way for {@link PendingGridWrites} (a merge or an append may have
   * reached the store), so no snapshot is written over it; replay at the next start settles it.
   */
  public Future<IngestResult> ingest(List<Event> events) {
    Context ctx = vertx.getOrCreateContext();
    long receivedAt = clock.millis();
    pending.begin();
    return gridWorkers.executeBlocking(() -> prepare(events, receivedAt), false)
        .compose(prepared -> timed(Stage.STORE_APPEND, append(prepared.rows(), ctx)).map(prepared::withoutSkipped))
        .compose(stored -> gridWorkers.executeBlocking(() -> applyAndRescore(stored.events()), false)
            .map(applied -> new IngestResult(events.size(), stored.skipped(), stored.profileIds())))
        .onFailure(err -> pending.failedHalfWay())
        .andThen(done -> pending.end());
  }

  /** Enriched events and their stored rows, both built on a worker so the event loop only routes. */
  private record Prepared(List<EnrichedEvent> events, List<StoredEvent> rows) {

    /** The events that were stored (not repeats of a stored messageId), and every event's profile. */
    Stored withoutSkipped(BitSet skipped) {
      List<EnrichedEvent> kept = new ArrayList<>(events.size() - skipped.cardinality());
      Set<String> ids = new LinkedHashSet<>();
      for (int i = 0; i < events.size(); i++) {
        ids.add(events.get(i).profileId());
        if (!skipped.get(i)) {
          kept.add(events.get(i));
        }
      }
      return new Stored(kept, skipped.cardinality(), List.copyOf(ids));
    }
  }

  private record Stored(List<EnrichedEvent> events, int skipped, List<String> profileIds) {}

  /**
   * Identity for every event (identical identifier sets resolved once, the whole batch in one grid read), sentiment of any text, and
   * the JSON rows for the event log.
   */
  private Prepared prepare(List<Event> events, long receivedAt) {
    long start = System.nanoTime();
    // The id each event is stored under (the client's messageId, else a new one); a merge records the event that caused it.
    List<String> storedIds = new ArrayList<>(events.size());
    Map<Map<String, String>, String> firstStoredId = new LinkedHashMap<>();
    for (Event e : events) {
      String storedId = e.messageId() != null ? e.messageId() : RandomIds.uuid();
      storedIds.add(storedId);
      firstStoredId.putIfAbsent(e.identifiers(), storedId);
    }
    List<Map<String, String>> sets = List.copyOf(firstStoredId.keySet());
    List<Resolution> owners = identity.resolveAll(sets, List.copyOf(firstStoredId.values()));
    Map<Map<String, String>, Resolution> resolved = new HashMap<>();
    for (int i = 0; i < sets.size(); i++) {
      resolved.put(sets.get(i), owners.get(i));
    }
    metrics.stage(Stage.IDENTITY).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    List<EnrichedEvent> out = new ArrayList<>(events.size());
    for (Event e : events) {
      Sentiment s = e.text() == null ? null : sentiment.analyze(e.text());
      Resolution r = resolved.get(e.identifiers());
      out.add(new EnrichedEvent(e, r.profileId(), s, receivedAt, r.unlinked()));
    }
    List<StoredEvent> rows = new ArrayList<>(out.size());
    for (int i = 0; i < out.size(); i++) {
      EnrichedEvent e = out.get(i);
      rows.add(new StoredEvent(e.profileId(), storedIds.get(i), e.event().messageId(), e.event().kind().wireName(), e.event().channel(),
          e.event().timestamp().toEpochMilli(), e.receivedAt(), EventJson.toJson(e).encode()));
    }
    return new Prepared(out, rows);
  }

  private Future<BitSet> append(List<StoredEvent> rows, Context ctx) {
    return Future.fromCompletionStage(eventLog.append(rows), ctx).recover(err -> Future.failedFuture(
        err instanceof UnavailableException ? err : new UnavailableException("store_unavailable", err.getMessage(), err)));
  }

  /**
   * Applies the durable events to their profiles, then rescores the updated profiles in one batched
   * inference. Returns how many profiles changed. A rescoring failure is logged, never raised: the
   * events are already durable and applied.
   */
  private int applyAndRescore(List<EnrichedEvent> enriched) {
    if (enriched.isEmpty()) {
      return 0;
    }
    Map<String, List<ProfileChange>> byProfile = new LinkedHashMap<>();
    for (EnrichedEvent e : enriched) {
      byProfile.computeIfAbsent(e.profileId(), id -> new ArrayList<>()).add(ProfileChange.of(e));
    }
    long start = System.nanoTime();
    Map<String, Profile> updated;
    try {
      updated = profiles.apply(byProfile);
    } catch (RuntimeException err) {
      throw new UnavailableException("grid_unavailable",
          "events are durable but the profile update failed; they will be applied on restart: " + err.getMessage(), err);
    } finally {
      metrics.stage(Stage.GRID_UPDATE).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
    if (scorer.isLoaded()) {
      try {
        profiles.setPropensities(scorer.score(updated.values(), clock.millis()));
      } catch (RuntimeException err) {
        LOG.warn("propensity rescoring failed: {}", err.toString());
      }
    }
    return byProfile.size();
  }

  private <T> Future<T> timed(Stage stage, Future<T> future) {
    long start = System.nanoTime();
    return future.andThen(ar -> metrics.stage(stage).record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
  }

}
