package io.kairos.engine.decide;

import com.hazelcast.map.IMap;
import io.kairos.engine.enrich.PropensityScorer;
import io.kairos.engine.error.InvalidInputException;
import io.kairos.engine.error.NotFoundException;
import io.kairos.engine.identity.IdentityResolver;
import io.kairos.engine.learn.OfferLearner;
import io.kairos.engine.metrics.KairosMetrics;
import io.kairos.engine.profile.Profile;
import io.kairos.engine.profile.ProfileStore;
import io.kairos.engine.store.DecisionLog;
import com.hazelcast.query.Predicate;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.contact.Contact;
import io.kairos.engine.contact.ContactHistory;
import io.kairos.engine.contact.GridContactHistories;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code decide} and records {@code feedback}: finds the person (by profile id or any
 * identifier), ranks offers with the {@link DecisionEngine}, remembers the decision for feedback
 * (grid, with a TTL) and logs it durably for evaluation. Missing profile or model degrade to
 * non-personalized offers.
 */
public final class DecisionService {

  public static final String MAP_NAME = "decisions";
  /** Propensity assumed when no model is loaded at all. */
  public static final double DEFAULT_BASE_RATE = 0.15;
  private static final Logger LOG = LoggerFactory.getLogger(DecisionService.class);

  private final Vertx vertx;
  private final WorkerExecutor gridWorkers;
  private final DecisionEngine engine;
  private final DecidePolicy policy;
  private final Supplier<OfferCatalog> catalog;
  private final GridContactHistories contacts;
  private final IdentityResolver identity;
  private final ProfileStore profiles;
  private final PropensityScorer scorer;
  private final IMap<String, String> recentDecisions;
  private final DecisionLog log;
  private final int ttlHours;
  private final int optimisticServeAttempts;
  private final KairosMetrics metrics;
  private final Clock clock;

  public DecisionService(Vertx vertx, WorkerExecutor gridWorkers, DecisionEngine engine, DecidePolicy policy,
      Supplier<OfferCatalog> catalog, GridContactHistories contacts, IdentityResolver identity, ProfileStore profiles,
      PropensityScorer scorer, IMap<String, String> recentDecisions, DecisionLog log, KairosConfig.Decide config, KairosMetrics metrics,
      Clock clock) {
    this.vertx = vertx;
    this.gridWorkers = gridWorkers;
    this.engine = engine;
    this.policy = policy;
    this.catalog = catalog;
    this.contacts = contacts;
    this.identity = identity;
    this.profiles = profiles;
    this.scorer = scorer;
    this.recentDecisions = recentDecisions;
    this.log = log;
    this.ttlHours = config.decisionTtlHours();
    this.optimisticServeAttempts = config.optimisticServeAttempts();
    this.metrics = metrics;
    this.clock = clock;
  }

  public DecidePolicy policy() {
    return policy;
  }

  public Future<LoggedDecision> decide(DecisionRequest request) {
    long submitted = System.nanoTime();
    return gridWorkers.executeBlocking(() -> {
      metrics.stage(KairosMetrics.Stage.WORKER_WAIT).record(System.nanoTime() - submitted, TimeUnit.NANOSECONDS);
      return decideNow(request);
    }, false);
  }

  /** Blocking: finds the person, ranks, remembers the decision for feedback; logs it asynchronously. */
  LoggedDecision decideNow(DecisionRequest request) {
    long start = System.nanoTime();
    String id = profileId(request);
    Profile profile = id == null ? null : profiles.get(id);
    boolean counted = profile != null && catalog.get().usesContactHistory();
    ContactHistory history = counted ? contacts.of(profile.profileId()) : ContactHistory.EMPTY;
    long read = System.nanoTime();
    metrics.stage(KairosMetrics.Stage.PROFILE_READ).record(read - start, TimeUnit.NANOSECONDS);
    Decision d = engine.decide(request, profile, history, scorer.baseRate(DEFAULT_BASE_RATE), scorer.isLoaded(), clock.millis());
    // Contact policies hold under parallel decides for one person: the served offers are appended only to the history
    // this decision was made from; if another decision served first, decide again on the new history, and after
    // decide.optimisticServeAttempts such tries decide once more holding the person's lock, which no other append passes.
    for (int attempt = 1; counted && !d.offers().isEmpty()
        && !contacts.serve(profile.profileId(), history, served(d), d.createdAt(), false); attempt++) {
      if (attempt == optimisticServeAttempts) {
        d = decideExclusively(request, profile);
        break;
      }
      history = contacts.of(profile.profileId());
      d = engine.decide(request, profile, history, scorer.baseRate(DEFAULT_BASE_RATE), scorer.isLoaded(), clock.millis());
    }
    long decided = System.nanoTime();
    metrics.stage(KairosMetrics.Stage.DECIDE).record(decided - read, TimeUnit.NANOSECONDS);
    LoggedDecision logged = remember(d, request.explain());
    metrics.stage(KairosMetrics.Stage.REMEMBER).record(System.nanoTime() - decided, TimeUnit.NANOSECONDS);
    return logged;
  }

  /** Decides on the person's current history and serves it while holding their lock ({@code decide.optimisticServeAttempts}). */
  private Decision decideExclusively(DecisionRequest request, Profile profile) {
    String id = profile.profileId();
    return contacts.exclusively(id, () -> {
      Decision d = engine.decide(request, profile, contacts.of(id), scorer.baseRate(DEFAULT_BASE_RATE), scorer.isLoaded(), clock.millis());
      if (!d.offers().isEmpty()) {
        contacts.serve(id, ContactHistory.EMPTY, served(d), d.createdAt(), true); // nothing else can append meanwhile
      }
      return d;
    });
  }

  /** What became of a feedback: {@code recorded} or {@code duplicate}, and whether an offer model learned from it. */
  public record FeedbackResult(String status, boolean learned) {}

  /**
   * Records an outcome for an offer of a recent decision, once: a repeat of the same outcome for the
   * same offer is answered {@code duplicate} and changes nothing. The first positive or negative
   * outcome (see {@code learning}) for an offer of a decision teaches that offer's model, with the
   * context the decision was made in. Completes once the feedback and the model state are durable.
   */
  public Future<FeedbackResult> feedback(String decisionId, String offerId, String outcome, JsonObject body) {
    Context ctx = vertx.getOrCreateContext();
    boolean positive = policy.isPositive(outcome);
    boolean learning = positive || policy.isNegative(outcome);
    Contact.Kind answer = positive ? Contact.Kind.ACCEPTED : "reject".equals(outcome) ? Contact.Kind.REJECTED : null;
    return gridWorkers.executeBlocking(() -> claimFor(decisionId, new RecordOutcome(offerId, outcome, learning), answer), false)
        .compose(claimed -> {
          RecordOutcome.Claim claim = claimed.claim();
          switch (claim.status()) {
            case "unknown_decision":
              return Future.failedFuture(new NotFoundException("unknown_decision",
                  "no decision " + decisionId + " in the last " + ttlHours + " hours"));
            case "unknown_offer":
              return Future.failedFuture(new InvalidInputException("unknown_offer",
                  "offer " + offerId + " was not part of decision " + decisionId, "offerId"));
            case "duplicate":
              return Future.succeededFuture(new FeedbackResult("duplicate", false));
            default:
              break;
          }
          long now = clock.millis();
          JsonObject summary = claimed.summary();
          boolean learn = "learn".equals(claim.status());
          OfferLearner.Observed learned = learn
              ? policy.learner().observe(offerId, doubles(summary.getJsonArray("features")), summary.getDouble("offset"), positive, now)
              : null;
          CompletableFuture<Void> logged = log.recordFeedback(decisionId, offerId, outcome, now, body.encode(),
              learned == null ? null : learned.learned());
          CompletableFuture<Void> contacted = claimed.liveProfileId() == null ? CompletableFuture.completedFuture(null)
              : contacts.record(claimed.liveProfileId(), List.of(new Contact(offerId, catalog.get().groupOf(offerId),
                  summary.getString("channel", ""), answer, now)), now);
          CompletableFuture<Void> saved = learned == null ? CompletableFuture.completedFuture(null) : learned.saved();
          return Future.fromCompletionStage(CompletableFuture.allOf(logged, saved, contacted), ctx).map(v -> new FeedbackResult("recorded", learn));
        });
  }

  /**
   * A claimed outcome, its decision's summary parsed (null unless the outcome applies), and the profile
   * its contact is recorded for (null when none is): the decision's person as they are now, after any merge.
   */
  private record Claimed(RecordOutcome.Claim claim, JsonObject summary, String liveProfileId) {}

  /** Blocking: claims the outcome and, when it applies, parses the summary and finds the live profile on this worker. */
  private Claimed claimFor(String decisionId, RecordOutcome processor, Contact.Kind answer) {
    RecordOutcome.Claim claim = claim(decisionId, processor);
    if (!"recorded".equals(claim.status()) && !"learn".equals(claim.status())) {
      return new Claimed(claim, null, null);
    }
    JsonObject summary = new JsonObject(claim.summary());
    if (answer == null || !catalog.get().usesContactHistory()) {
      return new Claimed(claim, summary, null);
    }
    String decidedFor = summary.getString("profileId");
    Profile now = decidedFor == null ? null : profiles.get(decidedFor);
    return new Claimed(claim, summary, now == null ? decidedFor : now.profileId());
  }

  /**
   * Runs the outcome processor on the remembered decision. A decision missing from the grid (after a
   * restart) but still in the durable log and within the TTL is remembered again first, with the
   * outcomes it already received, so feedback keeps working and stays applied once.
   */
  private RecordOutcome.Claim claim(String decisionId, RecordOutcome processor) {
    RecordOutcome.Claim claim = recentDecisions.executeOnKey(decisionId, processor);
    if (!"unknown_decision".equals(claim.status())) {
      return claim;
    }
    Optional<DecisionLog.StoredDecision> stored = log.find(decisionId);
    long ageMillis = stored.map(d -> clock.millis() - d.createdAt()).orElse(Long.MAX_VALUE);
    if (ageMillis >= TimeUnit.HOURS.toMillis(ttlHours)) {
      return claim;
    }
    recentDecisions.putIfAbsent(decisionId, DecisionSummary.fromLog(stored.get(), policy), TimeUnit.HOURS.toMillis(ttlHours) - ageMillis,
        TimeUnit.MILLISECONDS);
    return recentDecisions.executeOnKey(decisionId, processor);
  }

  private static double[] doubles(JsonArray a) {
    double[] x = new double[a.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = a.getDouble(i);
    }
    return x;
  }

  /** Takes erased people's outcomes out of the offer models ({@link OfferLearner#unlearnPending}); how many. Blocking. */
  public int unlearnErased() {
    return policy.learner().unlearnPending(clock.millis());
  }

  /** Drops the recent decisions and the contact history of a profile from the grid (erasure); feedback on them is then refused. Blocking. */
  public int forget(String profileId) {
    contacts.forget(profileId);
    Set<String> ids = recentDecisions.keySet(new DecisionOf(profileId));
    ids.forEach(recentDecisions::delete);
    return ids.size();
  }

  /** Matches remembered decisions (JSON summaries) about one profile. */
  record DecisionOf(String profileId) implements Predicate<String, String> {
    @Override
    public boolean apply(Map.Entry<String, String> entry) {
      return profileId.equals(new JsonObject(entry.getValue()).getString("profileId"));
    }
  }

  private String profileId(DecisionRequest request) {
    if (request.profileId() != null) {
      return request.profileId();
    }
    return identity.find(request.identifiers());
  }

  /** The contacts a decision makes: one per offer it serves. */
  private List<Contact> served(Decision d) {
    List<Contact> served = new ArrayList<>(d.offers().size());
    for (RankedOffer o : d.offers()) {
      served.add(new Contact(o.offerId(), catalog.get().groupOf(o.offerId()), d.channel(), Contact.Kind.SERVED, d.createdAt()));
    }
    return served;
  }

  private LoggedDecision remember(Decision d, boolean explain) {
    recentDecisions.set(d.decisionId(), DecisionSummary.of(d), ttlHours, TimeUnit.HOURS);
    DecisionJson.Forms json = DecisionJson.forms(d, explain);
    log.recordDecision(d.decisionId(), d.profileId(), d.channel(), d.placement(), d.createdAt(), json.log(), json.candidates())
        .whenComplete((ok, err) -> {
          if (err != null) {
            LOG.warn("decision {} not logged: {}", d.decisionId(), err.toString());
          }
        });
    return new LoggedDecision(d, json.response());
  }
}
