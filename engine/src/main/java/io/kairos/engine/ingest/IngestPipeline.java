package io.kairos.engine.ingest;

import io.kairos.engine.enrich.PropensityScorer;
import io.kairos.engine.enrich.SentimentEnricher;
import io.kairos.engine.error.UnavailableException;
import io.kairos.engine.identity.IdentityResolver;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live path of a validated batch: identity → sentiment (worker) → durable append (store
 * writer) → atomic profile update (grid) → propensity rescoring (worker). The returned future
 * completes after the events are durable and applied, so a 2xx means both. Nothing here blocks
 * the calling event loop.
 */
public final class IngestPipeline {

  private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);

  private final Vertx vertx;
  private final IdentityResolver identity;
  private final SentimentEnricher sentiment;
  private final EventLog eventLog;
  private final ProfileStore profiles;
  private final PropensityScorer scorer;
  private final io.kairos.engine.profile.ProfileRules rules;
  private final KairosMetrics metrics;
  private final Clock clock;

  public IngestPipeline(Vertx vertx, IdentityResolver identity, SentimentEnricher sentiment, EventLog eventLog,
      ProfileStore profiles, PropensityScorer scorer, io.kairos.engine.profile.ProfileRules rules, KairosMetrics metrics,
      Clock clock) {
    this.vertx = vertx;
    this.identity = identity;
    this.sentiment = sentiment;
    this.eventLog = eventLog;
    this.profiles = profiles;
    this.scorer = scorer;
    this.rules = rules;
    this.metrics = metrics;
    this.clock = clock;
  }

  public Future<IngestResult> ingest(List<Event> events) {
    Context ctx = vertx.getOrCreateContext();
    long receivedAt = clock.millis();
    return timed(Stage.IDENTITY, resolve(events, ctx))
        .compose(ids -> enrich(events, ids, receivedAt))
        .compose(enriched -> timed(Stage.STORE_APPEND, append(enriched, ctx)).map(enriched))
        .compose(enriched -> timed(Stage.GRID_UPDATE, apply(enriched, ctx)))
        .compose(updated -> rescore(updated, ctx).map(updated))
        .map(updated -> new IngestResult(events.size(), List.copyOf(updated.keySet())));
  }

  private Future<List<String>> resolve(List<Event> events, Context ctx) {
    Map<Map<String, String>, Future<String>> byIdentifiers = new HashMap<>();
    List<Future<String>> perEvent = new ArrayList<>(events.size());
    for (Event e : events) {
      perEvent.add(byIdentifiers.computeIfAbsent(e.identifiers(), ids -> fromStage(identity.resolve(ids), ctx)));
    }
    return Future.all(perEvent).map(all -> {
      List<String> ids = new ArrayList<>(events.size());
      for (Future<String> f : perEvent) {
        ids.add(f.result());
      }
      return ids;
    });
  }

  private Future<List<EnrichedEvent>> enrich(List<Event> events, List<String> profileIds, long receivedAt) {
    boolean anyText = events.stream().anyMatch(e -> e.text() != null);
    if (!anyText) {
      List<EnrichedEvent> out = new ArrayList<>(events.size());
      for (int i = 0; i < events.size(); i++) {
        out.add(new EnrichedEvent(events.get(i), profileIds.get(i), null, receivedAt));
      }
      return Future.succeededFuture(out);
    }
    return vertx.executeBlocking(() -> {
      List<EnrichedEvent> out = new ArrayList<>(events.size());
      for (int i = 0; i < events.size(); i++) {
        Event e = events.get(i);
        Sentiment s = e.text() == null ? null : sentiment.analyze(e.text());
        out.add(new EnrichedEvent(e, profileIds.get(i), s, receivedAt));
      }
      return out;
    }, false);
  }

  private Future<Void> append(List<EnrichedEvent> enriched, Context ctx) {
    List<StoredEvent> rows = new ArrayList<>(enriched.size());
    for (EnrichedEvent e : enriched) {
      rows.add(new StoredEvent(e.profileId(), e.event().messageId(), e.event().kind().wireName(), e.event().channel(),
          e.event().timestamp().toEpochMilli(), e.receivedAt(), EventJson.toJson(e).encode()));
    }
    return fromStage(eventLog.append(rows), ctx).recover(err -> Future.failedFuture(
        err instanceof UnavailableException ? err : new UnavailableException("store_unavailable", err.getMessage(), err)));
  }

  private Future<Map<String, Profile>> apply(List<EnrichedEvent> enriched, Context ctx) {
    Map<String, List<ProfileChange>> byProfile = new LinkedHashMap<>();
    for (EnrichedEvent e : enriched) {
      byProfile.computeIfAbsent(e.profileId(), id -> new ArrayList<>()).add(ProfileChange.of(e));
    }
    return fromStage(profiles.apply(byProfile), ctx).map(updated -> {
      Map<String, Profile> ordered = new LinkedHashMap<>();
      for (String id : new LinkedHashSet<>(byProfile.keySet())) {
        ordered.put(id, updated.get(id));
      }
      return ordered;
    }).recover(err -> Future.failedFuture(new UnavailableException("grid_unavailable",
        "events are durable but the profile update failed; they will be applied on restart: " + err.getMessage(), err)));
  }

  /** Rescoring never fails the request: the events are already durable and applied. */
  private Future<Void> rescore(Map<String, Profile> updated, Context ctx) {
    if (!scorer.isLoaded()) {
      return Future.succeededFuture();
    }
    long now = clock.millis();
    return vertx.executeBlocking(() -> scorer.score(updated.values(), now), false)
        .compose(scores -> {
          List<Future<Boolean>> writes = new ArrayList<>(scores.size());
          for (Map.Entry<String, PropensityState> s : scores.entrySet()) {
            writes.add(fromStage(profiles.setPropensity(s.getKey(), s.getValue()), ctx));
          }
          return Future.all(writes).<Void>mapEmpty();
        })
        .recover(err -> {
          LOG.warn("propensity rescoring failed: {}", err.toString());
          return Future.succeededFuture();
        });
  }

  private <T> Future<T> timed(Stage stage, Future<T> future) {
    long start = System.nanoTime();
    return future.andThen(ar -> metrics.stage(stage).record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
  }

  static <T> Future<T> fromStage(CompletionStage<T> stage, Context ctx) {
    return Future.fromCompletionStage(stage, ctx);
  }
}
