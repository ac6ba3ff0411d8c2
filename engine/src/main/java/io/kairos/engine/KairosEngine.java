package io.kairos.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.kairos.engine.api.http.ApiServices;
import io.kairos.engine.api.http.ApiVerticle;
import io.kairos.engine.api.http.HealthReport;
import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.contact.GridContactHistories;
import io.kairos.engine.decide.ConsentRules;
import io.kairos.engine.decide.DecidePolicy;
import io.kairos.engine.decide.DecisionEngine;
import io.kairos.engine.decide.DecisionService;
import io.kairos.engine.decide.DecisionLogRetention;
import io.kairos.engine.decide.NoResponseSweep;
import io.kairos.engine.decide.OfferAdmin;
import io.kairos.engine.decide.LearningFeatures;
import io.kairos.engine.decide.OfferCatalog;
import io.kairos.engine.learn.OfferLearner;
import io.kairos.engine.enrich.PropensityModels;
import io.kairos.engine.enrich.PropensityRollout;
import io.kairos.engine.enrich.PropensityScorer;
import io.kairos.engine.enrich.SpecialDays;
import io.kairos.engine.enrich.SentimentEnricher;
import io.kairos.engine.grid.GridMapMetrics;
import io.kairos.engine.grid.GridMember;
import io.kairos.engine.grid.GridSnapshot;
import io.kairos.engine.grid.PendingGridWrites;
import io.kairos.engine.identity.GridIdentityResolver;
import io.kairos.engine.identity.IdentifierCleaner;
import io.kairos.engine.identity.ProfileMerger;
import io.kairos.engine.ingest.EventParser;
import io.kairos.engine.ingest.EventReplay;
import io.kairos.engine.ingest.IngestPipeline;
import io.kairos.engine.metrics.BlockedThreadCounter;
import io.kairos.engine.metrics.KairosMetrics;
import io.kairos.engine.privacy.PrivacyService;
import io.kairos.engine.profile.GridProfileStore;
import io.kairos.engine.profile.Profile;
import io.kairos.engine.profile.ProfileRules;
import io.kairos.engine.store.SqliteContactLog;
import io.kairos.engine.store.SqliteDatabase;
import io.kairos.engine.store.SqliteDecisionLog;
import io.kairos.engine.store.SqliteEventLog;
import io.kairos.engine.store.SqliteMergeLog;
import io.kairos.engine.store.SqlitePersonalData;
import io.kairos.engine.store.SqliteOfferChangeLog;
import io.kairos.engine.store.SqliteOfferModelLog;
import io.kairos.engine.store.SqliteShadowScoreLog;
import io.kairos.engine.store.SqliteSnapshotStore;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the engine together and owns its lifecycle: store → grid → models → replay → HTTP.
 * {@link #start} returns once the API listens; {@link #stop} shuts down in reverse order.
 */
public final class KairosEngine {

  private static final Logger LOG = LoggerFactory.getLogger(KairosEngine.class);
  /** Threads for blocking grid calls, sentiment and propensity inference (mostly waiting on partition threads). */
  private static final int GRID_WORKERS = 16;

  private final KairosConfig config;
  private final Clock clock = Clock.systemUTC();
  private Vertx vertx;
  private HazelcastInstance grid;
  private SqliteDatabase db;
  private KairosMetrics metrics;
  private PropensityScorer scorer;
  private PropensityRollout rollout;
  private NoResponseSweep noResponse;
  private DecisionLogRetention retention;
  private final List<ApiVerticle> verticles = new CopyOnWriteArrayList<>();
  private final PendingGridWrites pending = new PendingGridWrites();
  private SqliteEventLog eventLog;
  private SqliteMergeLog mergeLog;
  private SqliteSnapshotStore snapshots;
  private IMap<String, Profile> profileMap;
  private IMap<String, String> links;

  public KairosEngine(KairosConfig config) {
    this.config = config;
  }

  /** Starts everything; the future completes with the bound HTTP port. */
  public Future<Integer> start() {
    try {
      return startAll();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private Future<Integer> startAll() {
    long begin = System.nanoTime();
    metrics = new KairosMetrics();
    OfferCatalog catalog = OfferCatalog.load(config.decide().offersFile());
    db = new SqliteDatabase(config.store().dataDir(), config.store().fsync(),
        Stream.of(SqliteEventLog.SCHEMA, SqliteDecisionLog.SCHEMA, SqliteMergeLog.SCHEMA, SqlitePersonalData.SCHEMA,
            SqliteShadowScoreLog.SCHEMA, SqliteOfferChangeLog.SCHEMA, SqliteOfferModelLog.SCHEMA, SqliteContactLog.SCHEMA,
            SqliteSnapshotStore.SCHEMA).flatMap(List::stream).toList());
    eventLog = new SqliteEventLog(db);
    snapshots = new SqliteSnapshotStore(db);
    OfferAdmin offers = OfferAdmin.open(catalog, new SqliteOfferChangeLog(db), clock);
    grid = GridMember.start(config.grid(), "kairos-" + UUID.randomUUID());
    GridMember.boundEntries(grid, DecisionService.MAP_NAME, config.decide().recentDecisionsInGrid());
    profileMap = grid.getMap(GridProfileStore.MAP_NAME);
    ProfileRules rules = new ProfileRules(config.grid().recentInteractions(), config.grid().sessionTimeoutMinutes() * 60_000L);
    GridProfileStore profiles = new GridProfileStore(profileMap, rules);
    IdentifierCleaner cleaner = new IdentifierCleaner(config.identity());
    links = grid.getMap(GridIdentityResolver.MAP_NAME);
    mergeLog = new SqliteMergeLog(db);
    GridContactHistories contacts = new GridContactHistories(grid.getMap(GridContactHistories.MAP_NAME), new SqliteContactLog(db));
    ProfileMerger merger = new ProfileMerger(links, profiles, mergeLog, config.identity(), clock,
        (away, survivor) -> contacts.absorb(away, survivor, clock.millis()));
    GridIdentityResolver identity = new GridIdentityResolver(links, cleaner, merger);
    SentimentEnricher sentiment = SentimentEnricher.load(config.models().sentimentDir(), metrics);
    SqliteShadowScoreLog shadowScores = new SqliteShadowScoreLog(db);
    scorer = new PropensityScorer(PropensityModels.open(config.models().registryDir(), config.models().propensityDir()),
        shadowScores, new SpecialDays(config.models().occasions()), metrics);
    rollout = new PropensityRollout(scorer, profiles, clock);
    EventReplay.Start from = new GridSnapshot(grid).load(snapshots).orElseGet(EventReplay.Start::empty);
    long fromSnapshot = from.profiles().size();
    long replayed = EventReplay.run(from, eventLog, mergeLog, profiles, identity, scorer, rules, clock.millis());

    metrics.gauge("kairos.store.queue.depth", db::queueDepth);
    metrics.gauge("kairos.start.snapshot.profiles", () -> fromSnapshot);
    metrics.gauge("kairos.start.replayed.events", () -> replayed);
    GridMapMetrics.bind(metrics, "profiles", profileMap);
    GridMapMetrics.bind(metrics, "identity_links", links);
    GridMapMetrics.bind(metrics, "recent_decisions", grid.getMap(DecisionService.MAP_NAME));
    GridMapMetrics.bind(metrics, "contacts", grid.getMap(GridContactHistories.MAP_NAME));
    metrics.gauge("kairos.propensity.rescored", rollout::rescored);
    metrics.gauge("kairos.grid.profiles", () -> profileMap.getLocalMapStats().getOwnedEntryCount());
    metrics.gauge("kairos.grid.profiles.memory.bytes", () -> profileMap.getLocalMapStats().getOwnedEntryMemoryCost());
    metrics.gauge("kairos.identity.conflicts", identity::conflicts);
    metrics.gauge("kairos.identity.merges", merger::merges);
    metrics.gauge("kairos.identity.merges.refused", merger::refusals);
    metrics.gauge("kairos.model.loaded", () -> scorer.isLoaded() ? 1 : 0, "model", "propensity");
    scorer.models().onLoad(version -> metrics.gauge("kairos.propensity.model.role", () -> scorer.models().role(version),
        "version", version));
    metrics.gauge("kairos.model.loaded", () -> sentiment.isLoaded() ? 1 : 0, "model", "sentiment");

    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(config.server().eventLoops()));
    BlockedThreadCounter.install(vertx, metrics);
    WorkerExecutor gridWorkers = vertx.createSharedWorkerExecutor("kairos-grid", GRID_WORKERS);
    IngestPipeline ingest = new IngestPipeline(vertx, gridWorkers, identity, sentiment, eventLog, profiles, scorer, metrics, clock,
        pending);
    LearningFeatures features = LearningFeatures.compile(config.learning().features());
    DecidePolicy policy = new DecidePolicy(OfferLearner.open(new SqliteOfferModelLog(db), features.sources(),
        config.learning().priorVariance()), features, config.learning());
    contacts.restore(clock.millis(), merger::canonical);
    SqliteDecisionLog decisionLog = new SqliteDecisionLog(db);
    DecisionService decisions = new DecisionService(vertx, gridWorkers, new DecisionEngine(offers::catalog,
        new ConsentRules(config.consent()), policy), policy, offers::catalog, contacts, identity, profiles, scorer,
        grid.getMap(DecisionService.MAP_NAME), decisionLog, config.decide(), metrics, clock);
    if (config.learning().noResponseSeconds() > 0) {
      noResponse = new NoResponseSweep(vertx, gridWorkers, decisions, decisionLog, config.learning().noResponseSeconds(),
          config.decide().decisionTtlHours(), clock, metrics.counter("kairos.feedback.no.response"));
      noResponse.start();
      metrics.gauge("kairos.feedback.no.response.sweeps", noResponse::passes);
    }
    if (config.decide().decisionLogRetentionDays() > 0) {
      retention = new DecisionLogRetention(vertx, decisionLog, config.decide().decisionLogRetentionDays(), clock,
          metrics.counter("kairos.decisions.log.deleted"));
      retention.start();
    }
    PrivacyService privacy = new PrivacyService(vertx, gridWorkers, profiles, identity, decisions, new SqlitePersonalData(db),
        mergeLog, config.consent(), clock, pending);
    ApiServices services = new ApiServices(config, new EventParser(config, cleaner, clock), ingest, decisions, profiles,
        identity, privacy, metrics, () -> new HealthReport(grid.getLifecycleService().isRunning(), db.isOpen(),
            sentiment.modelVersion(), scorer.modelVersion(), profileMap.size(), db.queueDepth()), gridWorkers, rollout, shadowScores, offers);
    return vertx.deployVerticle(() -> {
          ApiVerticle v = new ApiVerticle(services);
          verticles.add(v);
          return v;
        }, new DeploymentOptions().setInstances(config.server().eventLoops()))
        .map(id -> {
          int port = verticles.get(0).port();
          LOG.info("Kairos ready on port {} in {} ms (data in {})", port, (System.nanoTime() - begin) / 1_000_000,
              config.store().dataDir());
          if (config.server().adminToken() == null) {
            LOG.warn("admin routes (/v1/admin/*, profile export and erasure) are open to anyone who can reach port {}: "
                + "set KAIROS_SERVER_ADMIN_TOKEN to require a bearer token", port);
          } else if (config.server().clientTokenList().isEmpty()) {
            LOG.info("events, decide, feedback and lookup are open to anyone who can reach port {}: set KAIROS_SERVER_CLIENT_TOKENS "
                + "to require a client token", port);
          }
          return port;
        });
  }

  /**
   * Stops HTTP first: no new connections, and the requests being served finish within
   * {@code server.shutdownGraceSeconds}. Then snapshots the grid (when configured and the grid matches
   * the store), then waits for the store to drain, then the grid.
   */
  public void stop() {
    List<Runnable> steps = new ArrayList<>();
    if (retention != null) {
      steps.add(retention::stop);
    }
    if (noResponse != null) {
      steps.add(noResponse::stop);
    }
    if (vertx != null) {
      steps.add(this::drain);
      steps.add(() -> vertx.close().await());
    }
    if (db != null && profileMap != null && config.store().snapshotOnStop()) {
      steps.add(this::snapshot);
    }
    if (db != null) {
      steps.add(db::close);
    }
    if (rollout != null) {
      steps.add(rollout::close);
    }
    if (scorer != null) {
      steps.add(scorer::close);
    }
    if (grid != null) {
      steps.add(grid::shutdown);
    }
    if (metrics != null) {
      steps.add(metrics::close);
    }
    for (Runnable step : steps) {
      try {
        step.run();
      } catch (RuntimeException e) {
        LOG.warn("during shutdown: {}", e.toString());
      }
    }
    LOG.info("Kairos stopped");
  }

  /**
   * Lets the work already accepted finish before Vert.x closes, which interrupts its workers: the HTTP
   * servers stop accepting and answer the requests they are serving, then ingest or erasure whose client
   * went away is awaited, all within the grace period. Work cut off by it answers 503 and is replayed at
   * the next start (no snapshot is written over it).
   */
  private void drain() {
    long graceMillis = config.server().shutdownGraceSeconds() * 1000L;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
    try {
      Future.all(verticles.stream().map(v -> v.shutdown(Duration.ofMillis(graceMillis))).toList())
          .await(graceMillis + 1000, TimeUnit.MILLISECONDS);
      while (pending.underWay() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    } catch (TimeoutException e) {
      LOG.warn("requests still running after the {} s grace period are cut off", config.server().shutdownGraceSeconds());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (pending.underWay()) {
      LOG.warn("stopping with work still under way ({}): it is replayed at the next start", pending);
    }
  }

  /** Writes the grid snapshot the next start loads, unless some work may have reached the store and not the grid. */
  private void snapshot() {
    if (!pending.settled()) {
      LOG.warn("no snapshot at stop ({}): the next start replays from the previous snapshot", pending);
      return;
    }
    new GridSnapshot(grid).write(snapshots, profileMap, links, eventLog.lastSeq(), mergeLog.lastSeq(), clock.millis());
  }
}
