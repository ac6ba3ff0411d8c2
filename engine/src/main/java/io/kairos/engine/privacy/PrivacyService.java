package io.kairos.engine.privacy;

import io.kairos.engine.profile.ProfileJson;
import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.decide.DecisionService;
import io.kairos.engine.decide.LoggedCandidates;
import io.kairos.engine.error.NotFoundException;
import io.kairos.engine.grid.PendingGridWrites;
import io.kairos.engine.identity.IdentityResolver;
import io.kairos.engine.identity.RandomIds;
import io.kairos.engine.profile.Profile;
import io.kairos.engine.profile.ProfileStore;
import io.kairos.engine.store.MergeLog;
import io.kairos.engine.store.MergeLog.MergeRecord;
import io.kairos.engine.store.PersonalDataStore;
import io.kairos.engine.store.PersonalDataStore.DecisionRecord;
import io.kairos.engine.store.PersonalDataStore.PersonalRecords;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/profiles/{id}/export} and {@code DELETE /v1/profiles/{id}}, for the person behind
 * the id: their live profile and every profile merged into it. Erasure deletes the
 * durable records first (events, decisions, feedback; the write-ahead log is truncated after), then
 * the grid's profile, identifier links and remembered decisions, so a crash in between cannot bring
 * the person back on replay. What their feedback taught the offer models is queued by the same
 * transaction and then taken out of the models; a crash before that finishes it at the next start. A later event with an old identifier starts a new profile.
 */
public final class PrivacyService {

  private static final Logger LOG = LoggerFactory.getLogger(PrivacyService.class);

  private final Vertx vertx;
  private final WorkerExecutor gridWorkers;
  private final ProfileStore profiles;
  private final IdentityResolver identity;
  private final DecisionService decisions;
  private final PersonalDataStore store;
  private final MergeLog merges;
  private final KairosConfig.ConsentPolicy consentPolicy;
  private final Clock clock;
  private final PendingGridWrites pending;

  public PrivacyService(Vertx vertx, WorkerExecutor gridWorkers, ProfileStore profiles, IdentityResolver identity,
      DecisionService decisions, PersonalDataStore store, MergeLog merges, KairosConfig.ConsentPolicy consentPolicy, Clock clock,
      PendingGridWrites pending) {
    this.vertx = vertx;
    this.gridWorkers = gridWorkers;
    this.profiles = profiles;
    this.identity = identity;
    this.decisions = decisions;
    this.store = store;
    this.merges = merges;
    this.consentPolicy = consentPolicy;
    this.clock = clock;
    this.pending = pending;
  }

  /** Everything held about the person: profile (identifiers, traits, consents, sentiment), events with their texts, decisions with feedback. */
  public Future<JsonObject> export(String profileId) {
    return gridWorkers.executeBlocking(() -> {
      Profile p = existing(profileId);
      List<String> ids = personIds(p.profileId());
      PersonalRecords records = store.read(ids);
      JsonArray events = new JsonArray();
      records.events().forEach(body -> events.add(new JsonObject(body)));
      JsonArray decided = new JsonArray();
      for (DecisionRecord d : records.decisions()) {
        JsonArray feedback = new JsonArray();
        d.feedback().forEach(body -> feedback.add(new JsonObject(body)));
        JsonObject decision = new JsonObject(d.body());
        if (d.candidates() != null) {
          decision.put("candidates", LoggedCandidates.unpack(d.candidates()).toJson());
        }
        decided.add(new JsonObject().put("decision", decision).put("feedback", feedback));
      }
      JsonArray merged = new JsonArray();
      for (MergeRecord r : merges.involving(ids)) {
        merged.add(new JsonObject().put("at", Instant.ofEpochMilli(r.at()).toString()).put("survivorId", r.survivorId())
            .put("mergedId", r.mergedId()).put("linkingIdentifier", r.linkingIdentifier()).put("messageId", r.messageId())
            .put("merged", r.merged()).put("reason", r.reason()));
      }
      return new JsonObject()
          .put("profileId", p.profileId())
          .put("profileIds", new JsonArray(ids))
          .put("exportedAt", Instant.ofEpochMilli(clock.millis()).toString())
          .put("profile", ProfileJson.toJson(p, consentPolicy))
          .put("events", events)
          .put("decisions", decided)
          .put("merges", merged);
    }, false);
  }

  /** Erases the person everywhere, under every profile id merged into theirs; answers with the audit record. */
  public Future<JsonObject> erase(String profileId) {
    Context ctx = vertx.getOrCreateContext();
    String erasureId = RandomIds.uuid();
    long at = clock.millis();
    pending.begin();
    return gridWorkers.executeBlocking(() -> personIds(existing(profileId).profileId()), false)
        .compose(ids -> Future.fromCompletionStage(store.erase(ids, erasureId, at), ctx).map(erasure -> Map.entry(ids, erasure)))
        .compose(done -> gridWorkers.executeBlocking(() -> {
          List<String> ids = done.getKey();
          PersonalDataStore.Erasure erasure = done.getValue();
          int links = 0;
          int remembered = 0;
          for (String id : ids) {
            links += identity.unlinkAll(id);
            remembered += decisions.forget(id);
            profiles.delete(id);
          }
          decisions.unlearnErased(); // this erasure's outcomes, queued by its transaction (and any a crash left)
          LOG.info("erasure {}: {} profile ids, {} events, {} decisions, {} feedback, {} identifier links", erasureId, ids.size(),
              erasure.events(), erasure.decisions(), erasure.feedback(), links);
          return new JsonObject()
              .put("erasureId", erasureId)
              .put("erasedAt", Instant.ofEpochMilli(at).toString())
              .put("removed", new JsonObject().put("events", erasure.events()).put("decisions", erasure.decisions())
                  .put("feedback", erasure.feedback()).put("learnedOutcomes", erasure.learnedOutcomes()).put("identifierLinks", links).put("rememberedDecisions", remembered)
                  .put("profiles", ids.size()));
        }, false).onFailure(err -> pending.failedHalfWay()))
        .andThen(done -> pending.end());
  }

  /** The live profile id and every id merged into it, directly or through earlier merges. Blocking. */
  private List<String> personIds(String liveId) {
    Set<String> ids = new LinkedHashSet<>(List.of(liveId));
    for (boolean grew = true; grew; ) {
      grew = false;
      for (MergeRecord r : merges.involving(List.copyOf(ids))) {
        if (r.merged() && ids.contains(r.survivorId())) {
          grew |= ids.add(r.mergedId());
        }
      }
    }
    return List.copyOf(ids);
  }

  private Profile existing(String profileId) {
    Profile p = profiles.get(profileId);
    if (p == null) {
      throw new NotFoundException("profile_not_found", "no profile " + profileId + " (never seen, or erased already)");
    }
    return p;
  }
}
