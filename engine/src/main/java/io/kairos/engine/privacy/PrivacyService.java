package io.kairos.engine.privacy;

import io.kairos.engine.profile.ProfileJson;
import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.decide.DecisionService;
import io.kairos.engine.error.NotFoundException;
import io.kairos.engine.identity.IdentityResolver;
import io.kairos.engine.identity.RandomIds;
import io.kairos.engine.profile.Profile;
import io.kairos.engine.profile.ProfileStore;
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
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/profiles/{id}/export} and {@code DELETE /v1/profiles/{id}}. Erasure deletes the
 * durable records first (events, decisions, feedback; the write-ahead log is truncated after), then
 * the grid's profile, identifier links and remembered decisions, so a crash in between cannot bring
 * the person back on replay. A later event with an old identifier starts a new profile.
 */
public final class PrivacyService {

  private static final Logger LOG = LoggerFactory.getLogger(PrivacyService.class);

  private final Vertx vertx;
  private final WorkerExecutor gridWorkers;
  private final ProfileStore profiles;
  private final IdentityResolver identity;
  private final DecisionService decisions;
  private final PersonalDataStore store;
  private final KairosConfig.ConsentPolicy consentPolicy;
  private final Clock clock;

  public PrivacyService(Vertx vertx, WorkerExecutor gridWorkers, ProfileStore profiles, IdentityResolver identity,
      DecisionService decisions, PersonalDataStore store, KairosConfig.ConsentPolicy consentPolicy, Clock clock) {
    this.vertx = vertx;
    this.gridWorkers = gridWorkers;
    this.profiles = profiles;
    this.identity = identity;
    this.decisions = decisions;
    this.store = store;
    this.consentPolicy = consentPolicy;
    this.clock = clock;
  }

  /** Everything held about the person: profile (identifiers, traits, consents, sentiment), events with their texts, decisions with feedback. */
  public Future<JsonObject> export(String profileId) {
    return gridWorkers.executeBlocking(() -> {
      Profile p = existing(profileId);
      PersonalRecords records = store.read(List.of(profileId));
      JsonArray events = new JsonArray();
      records.events().forEach(body -> events.add(new JsonObject(body)));
      JsonArray decided = new JsonArray();
      for (DecisionRecord d : records.decisions()) {
        JsonArray feedback = new JsonArray();
        d.feedback().forEach(body -> feedback.add(new JsonObject(body)));
        decided.add(new JsonObject().put("decision", new JsonObject(d.body())).put("feedback", feedback));
      }
      return new JsonObject()
          .put("profileId", profileId)
          .put("exportedAt", Instant.ofEpochMilli(clock.millis()).toString())
          .put("profile", ProfileJson.toJson(p, consentPolicy))
          .put("events", events)
          .put("decisions", decided)
          .put("merges", new JsonArray());
    }, false);
  }

  /** Erases the person everywhere; answers with the audit record. */
  public Future<JsonObject> erase(String profileId) {
    Context ctx = vertx.getOrCreateContext();
    String erasureId = RandomIds.uuid();
    long at = clock.millis();
    return gridWorkers.executeBlocking(() -> existing(profileId), false)
        .compose(p -> Future.fromCompletionStage(store.erase(List.of(profileId), erasureId, at), ctx))
        .compose(erasure -> gridWorkers.executeBlocking(() -> {
          int links = identity.unlinkAll(profileId);
          int remembered = decisions.forget(profileId);
          profiles.delete(profileId);
          LOG.info("erasure {}: {} events, {} decisions, {} feedback, {} identifier links", erasureId, erasure.events(),
              erasure.decisions(), erasure.feedback(), links);
          return new JsonObject()
              .put("erasureId", erasureId)
              .put("erasedAt", Instant.ofEpochMilli(at).toString())
              .put("removed", new JsonObject().put("events", erasure.events()).put("decisions", erasure.decisions())
                  .put("feedback", erasure.feedback()).put("identifierLinks", links).put("rememberedDecisions", remembered)
                  .put("profiles", 1));
        }, false));
  }

  private Profile existing(String profileId) {
    Profile p = profiles.get(profileId);
    if (p == null) {
      throw new NotFoundException("profile_not_found", "no profile " + profileId + " (never seen, or erased already)");
    }
    return p;
  }
}
