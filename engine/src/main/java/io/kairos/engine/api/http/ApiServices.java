package io.kairos.engine.api.http;

import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.decide.DecisionService;
import io.kairos.engine.decide.OfferAdmin;
import io.kairos.engine.enrich.PropensityRollout;
import io.kairos.engine.identity.IdentityResolver;
import io.kairos.engine.ingest.EventParser;
import io.kairos.engine.ingest.IngestPipeline;
import io.kairos.engine.metrics.KairosMetrics;
import io.kairos.engine.privacy.PrivacyService;
import io.kairos.engine.profile.ProfileStore;
import io.kairos.engine.store.ShadowScoreLog;
import io.vertx.core.WorkerExecutor;
import java.util.function.Supplier;

/**
 * What the HTTP verticles share: one set of services for all event-loop instances, and the
 * worker pool on which blocking grid calls run.
 */
public record ApiServices(KairosConfig config, EventParser parser, IngestPipeline ingest, DecisionService decisions,
    ProfileStore profiles, IdentityResolver identity, PrivacyService privacy, KairosMetrics metrics, Supplier<HealthReport> health,
    WorkerExecutor gridWorkers, PropensityRollout rollout, ShadowScoreLog shadowScores, OfferAdmin offers) {}
