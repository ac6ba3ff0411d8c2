package io.kairos.engine.api.http;

import io.kairos.engine.error.InvalidInputException;
import io.kairos.engine.store.ShadowScoreLog.ShadowScore;
import io.kairos.models.BinaryMetrics;
import io.kairos.models.FeatureColumn;
import io.kairos.models.ModelDescriptor;
import io.kairos.models.ModelRegistry;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.List;

/**
 * The model admin API: list the registry, register a trained model directory, promote, roll back,
 * assign or clear the shadow challenger, and read the shadow scores. Registry work blocks (files,
 * model loading) and runs on the worker pool; the swap itself is one volatile write.
 */
final class ModelAdminRoutes {

  private final ApiServices services;

  ModelAdminRoutes(ApiServices services) {
    this.services = services;
  }

  void mount(Router router) {
    router.get("/v1/admin/models").handler(ctx -> WorkerReply.json(services, ctx, 200, this::listing));
    router.post("/v1/admin/models").handler(ctx -> {
      String path = body(ctx).getString("path");
      if (path == null || path.isBlank()) {
        throw new InvalidInputException("invalid_model_request", "body must be {\"path\": \"<trained model directory>\"}", "path");
      }
      WorkerReply.json(services, ctx, 201, () -> new JsonObject().put("version", services.rollout().register(Path.of(path))));
    });
    router.get("/v1/admin/models/shadow").handler(ctx -> WorkerReply.json(services, ctx, 200, () -> shadow(limit(ctx))));
    router.post("/v1/admin/models/rollback").handler(ctx -> WorkerReply.json(services, ctx, 200, () -> state(services.rollout().rollback())));
    router.post("/v1/admin/models/:version/promote").handler(ctx ->
        WorkerReply.json(services, ctx, 200, () -> state(services.rollout().promote(ctx.pathParam("version")))));
    router.put("/v1/admin/models/challenger").handler(ctx -> {
      JsonObject body = body(ctx);
      Object share = body.getValue("share");
      if (!(body.getValue("version") instanceof String version) || !(share instanceof Number n)) {
        throw new InvalidInputException("invalid_model_request", "body must be {\"version\": \"...\", \"share\": 0.1}", "version");
      }
      WorkerReply.json(services, ctx, 200, () -> state(services.rollout().assignChallenger(version, n.doubleValue())));
    });
    router.delete("/v1/admin/models/challenger").handler(ctx ->
        WorkerReply.json(services, ctx, 200, () -> state(services.rollout().assignChallenger(null, 0))));
  }

  private static JsonObject body(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw new InvalidInputException("invalid_json", "request body must be a JSON object", null);
      }
      return body;
    } catch (DecodeException | ClassCastException e) {
      throw new InvalidInputException("invalid_json", "request body is not a JSON object: " + e.getMessage(), null);
    }
  }

  private static int limit(RoutingContext ctx) {
    String raw = ctx.queryParams().get("limit");
    try {
      int limit = raw == null ? 100 : Integer.parseInt(raw);
      if (limit < 1 || limit > 10_000) {
        throw new NumberFormatException();
      }
      return limit;
    } catch (NumberFormatException e) {
      throw new InvalidInputException("invalid_limit", "limit must be an integer in 1..10000, got " + raw, "limit");
    }
  }

  private JsonObject listing() {
    ModelRegistry.State state = services.rollout().state();
    JsonArray models = new JsonArray();
    for (ModelDescriptor d : services.rollout().list()) {
      BinaryMetrics v = d.validation();
      String role = d.version().equals(state.champion()) ? "champion" : d.version().equals(state.challenger()) ? "challenger"
          : state.previousChampions().contains(d.version()) ? "previous_champion" : "registered";
      models.add(new JsonObject().put("version", d.version()).put("role", role).put("createdAt", d.createdAt())
          .put("trainingData", new JsonObject(d.trainingData()))
          .put("features", new JsonArray(d.spec().columns().stream().map(FeatureColumn::name).toList()))
          .put("hidden", new JsonArray(d.hyperparameters().hidden()))
          .put("validation", v == null ? null : new JsonObject().put("n", v.n()).put("auc", v.auc()).put("prAuc", v.prAuc())
              .put("logloss", v.logloss()).put("brier", v.brier()).put("threshold", v.threshold())));
    }
    return state(state).put("models", models);
  }

  private JsonObject shadow(int limit) {
    List<ShadowScore> pairs = services.shadowScores().recent(limit);
    double diff = 0;
    JsonArray rows = new JsonArray();
    for (ShadowScore s : pairs) {
      diff += Math.abs(s.championScore() - s.challengerScore());
      rows.add(new JsonObject().put("at", s.at()).put("profileId", s.profileId()).put("champion", s.champion())
          .put("championScore", s.championScore()).put("challenger", s.challenger()).put("challengerScore", s.challengerScore()));
    }
    return new JsonObject().put("count", pairs.size()).put("meanAbsoluteDifference", pairs.isEmpty() ? null : diff / pairs.size())
        .put("pairs", rows);
  }

  static JsonObject state(ModelRegistry.State s) {
    return new JsonObject().put("champion", s.champion()).put("previousChampions", new JsonArray(s.previousChampions()))
        .put("challenger", s.challenger()).put("challengerShare", s.challengerShare());
  }
}
