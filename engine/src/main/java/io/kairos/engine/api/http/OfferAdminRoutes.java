package io.kairos.engine.api.http;

import io.kairos.engine.decide.DecidePolicy;
import io.kairos.engine.decide.OfferAdmin;
import io.kairos.engine.error.InvalidInputException;
import io.kairos.engine.learn.OfferModel;
import java.util.Map;
import io.kairos.engine.store.OfferChangeLog.OfferChange;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offer admin API: list the catalog, create, update and retire offers, read the change history.
 * Changes block until durable, so they run on the worker pool; the swap is one volatile write. The
 * catalog's version is its {@code ETag}; a change sent with {@code If-Match} is refused (412) when
 * another change came first.
 */
final class OfferAdminRoutes {

  private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"?([0-9]{1,18})\"?");

  private final ApiServices services;

  OfferAdminRoutes(ApiServices services) {
    this.services = services;
  }

  void mount(Router router) {
    router.get("/v1/admin/offers").handler(ctx -> versioned(ctx, 200, () -> services.offers().current()));
    router.get("/v1/admin/offers/history").handler(ctx -> WorkerReply.json(services, ctx, 200, this::history));
    router.get("/v1/admin/offers/models").handler(ctx -> WorkerReply.json(services, ctx, 200, this::models));
    router.post("/v1/admin/offers").handler(ctx -> versioned(ctx, 201, () -> services.offers().create(body(ctx), ifMatch(ctx))));
    router.put("/v1/admin/offers/:offerId").handler(ctx ->
        versioned(ctx, 200, () -> services.offers().update(ctx.pathParam("offerId"), body(ctx), ifMatch(ctx))));
    router.delete("/v1/admin/offers/:offerId").handler(ctx ->
        versioned(ctx, 200, () -> services.offers().retire(ctx.pathParam("offerId"), ifMatch(ctx))));
  }

  /** Answers with the catalog and its version as the {@code ETag}, which a change may send back as {@code If-Match}. */
  private void versioned(RoutingContext ctx, int status, Callable<OfferAdmin.Versioned> work) {
    WorkerReply.json(services, ctx, status, () -> catalog(work.call()), json -> "\"" + json.getLong("version") + "\"");
  }

  /**
   * The catalog version a change was made against, from {@code If-Match: "N"} (as the ETag gave it); null
   * when the header is absent or {@code *}, which applies the change to whatever version is current.
   */
  private static Long ifMatch(RoutingContext ctx) {
    String header = ctx.request().getHeader("If-Match");
    if (header == null || header.strip().equals("*")) {
      return null;
    }
    Matcher m = ENTITY_TAG.matcher(header.strip());
    if (!m.matches()) {
      throw new InvalidInputException("invalid_request", "If-Match must be the catalog version as the ETag gives it, e.g. \"3\"; got "
          + (header.length() > 40 ? header.substring(0, 40) + "..." : header), "If-Match");
    }
    return Long.parseLong(m.group(1));
  }

  private static String body(RoutingContext ctx) {
    return ctx.body().buffer() == null ? "" : ctx.body().asString();
  }

  private static JsonObject catalog(OfferAdmin.Versioned v) {
    return new JsonObject().put("version", v.version())
        .put("offers", new JsonArray(OfferAdmin.write(v.catalog().specs())));
  }

  /** What each offer's acceptance model has learned: outcomes, positives, weights and their standard deviations. */
  private JsonObject models() {
    DecidePolicy policy = services.decisions().policy();
    JsonObject models = new JsonObject();
    policy.learner().models().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      OfferModel m = e.getValue();
      JsonArray mean = new JsonArray();
      JsonArray sd = new JsonArray();
      for (int i = 0; i < m.dimensions(); i++) {
        mean.add(m.mean()[i]);
        sd.add(Math.sqrt(m.covariance()[i * m.dimensions() + i]));
      }
      models.put(e.getKey(), new JsonObject().put("observations", m.observations()).put("positives", m.positives())
          .put("weights", mean).put("sd", sd));
    });
    JsonArray features = new JsonArray().add("intercept");
    policy.features().sources().forEach(features::add);
    return new JsonObject().put("features", features).put("baseline", policy.settings().baseline()).put("models", models);
  }

  private JsonObject history() {
    JsonArray changes = new JsonArray();
    for (OfferChange c : services.offers().history()) {
      changes.add(new JsonObject().put("version", c.version()).put("at", c.at()).put("action", c.action()).put("offerId", c.offerId())
          .put("offer", c.body() == null ? null : new JsonObject(c.body())));
    }
    return new JsonObject().put("version", services.offers().current().version()).put("changes", changes);
  }
}
