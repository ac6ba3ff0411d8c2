package io.kairos.engine.api.http;

import io.kairos.engine.error.NotFoundException;
import io.kairos.engine.ingest.Event;
import io.kairos.engine.ingest.IngestResult;
import io.kairos.engine.metrics.KairosMetrics.Stage;
import io.kairos.engine.profile.Profile;
import io.kairos.engine.profile.ProfileJson;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** One HTTP listener on an event loop; several instances share the port. */
public final class ApiVerticle extends VerticleBase {

  private static final String JSON = "application/json";

  private final ApiServices services;
  private final DecideRequestParser decideParser;
  private HttpServer server;

  public ApiVerticle(ApiServices services) {
    this.services = services;
    this.decideParser = new DecideRequestParser(services.config().decide(), services.config().identity().maxIdentifiersPerEvent());
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(services.config().server().maxBodyBytes());
    String adminToken = services.config().server().adminToken();
    if (adminToken != null) {
      BearerTokenHandler admin = new BearerTokenHandler(List.of(adminToken), "the admin token", "server.adminToken");
      router.route("/v1/admin/*").handler(admin);
      router.get("/v1/profiles/:profileId/export").handler(admin);
      router.delete("/v1/profiles/:profileId").handler(admin);
    }
    List<String> clientTokens = services.config().server().clientTokenList();
    if (!clientTokens.isEmpty()) {
      // Every /v1 route; an admin route has passed the admin check above, so the admin token counts here too.
      List<String> accepted = new ArrayList<>(clientTokens);
      if (adminToken != null) {
        accepted.add(adminToken);
      }
      router.route("/v1/*").handler(new BearerTokenHandler(accepted, "a client token", "one of server.clientTokens"));
    }
    router.post("/v1/*").handler(body);
    router.put("/v1/*").handler(body);
    router.post("/v1/events").handler(this::events);
    router.get("/v1/profiles/by/:type/:value").handler(this::profileByIdentifier);
    router.get("/v1/profiles/:profileId").handler(this::profile);
    router.put("/v1/profiles/:profileId/consents").handler(this::consents);
    router.get("/v1/profiles/:profileId/export").handler(ctx -> services.privacy().export(ctx.pathParam("profileId"))
        .onSuccess(json -> respond(ctx, 200, json)).onFailure(ctx::fail));
    router.delete("/v1/profiles/:profileId").handler(ctx -> services.privacy().erase(ctx.pathParam("profileId"))
        .onSuccess(json -> respond(ctx, 200, json)).onFailure(ctx::fail));
    router.post("/v1/decide").handler(this::decide);
    router.post("/v1/feedback").handler(this::feedback);
    new ModelAdminRoutes(services).mount(router);
    new OfferAdminRoutes(services).mount(router);
    router.get("/health").handler(this::health);
    router.get("/metrics").handler(ctx -> ctx.response().putHeader("content-type", "text/plain; version=0.0.4")
        .end(services.metrics().scrape()));
    router.route().last().handler(ctx -> ctx.fail(404));
    router.route().failureHandler(new FailureHandler());
    HttpServerOptions options = new HttpServerOptions().setHost(services.config().server().host())
        .setPort(services.config().server().port());
    return vertx.createHttpServer(options).requestHandler(router).listen().onSuccess(s -> server = s);
  }

  /**
   * Stops accepting connections and lets the requests being served finish, for up to {@code grace}; idle
   * connections close at once and what is still running after {@code grace} is cut off.
   */
  public Future<Void> shutdown(Duration grace) {
    return server == null ? Future.succeededFuture() : server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return server == null ? -1 : server.actualPort();
  }

  private void events(RoutingContext ctx) {
    Timer.Sample sample = Timer.start();
    long parseStart = System.nanoTime();
    List<Event> events = services.parser().parse(ctx.body().buffer());
    services.metrics().stage(Stage.PARSE).record(System.nanoTime() - parseStart, TimeUnit.NANOSECONDS);
    services.ingest().ingest(events)
        .onSuccess(result -> respond(ctx, 202, toJson(result)))
        .onFailure(ctx::fail)
        .onComplete(ar -> sample.stop(services.metrics().request("ingest")));
  }

  private void profile(RoutingContext ctx) {
    String id = ctx.pathParam("profileId");
    read(() -> services.profiles().getIfCached(id), () -> services.profiles().get(id))
        .compose(p -> p == null ? Future.failedFuture(new NotFoundException("profile_not_found", "no profile " + id))
            : Future.succeededFuture(p))
        .onSuccess(p -> respond(ctx, 200, () -> Buffer.buffer(ProfileJson.utf8(p, services.config().consent()))))
        .onFailure(ctx::fail);
  }

  /**
   * Records consent answers for an existing profile as a {@code consent_update} event, so they are
   * durable, replayed and in the history like any other event; answers with the consents in force.
   */
  private void consents(RoutingContext ctx) {
    String id = ctx.pathParam("profileId");
    JsonObject event = decideParser.consentEvent(id, ctx.body().buffer());
    List<Event> parsed = services.parser().parse(event.toBuffer());
    services.gridWorkers().executeBlocking(() -> services.profiles().get(id), false)
        .compose(p -> p == null ? Future.failedFuture(new NotFoundException("profile_not_found", "no profile " + id))
            : services.ingest().ingest(parsed))
        .compose(result -> services.gridWorkers().executeBlocking(() -> services.profiles().get(id), false))
        .onSuccess(p -> respond(ctx, 200, new JsonObject().put("profileId", id)
            .put("consents", ProfileJson.toJson(p, services.config().consent()).getJsonObject("consents"))))
        .onFailure(ctx::fail);
  }

  private void profileByIdentifier(RoutingContext ctx) {
    String type = ctx.pathParam("type");
    String value = ctx.pathParam("value");
    read(() -> {
          String id = services.identity().lookupIfCached(type, value);
          return id == null ? null : services.profiles().getIfCached(id);
        }, () -> {
          String id = services.identity().lookup(type, value);
          return id == null ? null : services.profiles().get(id);
        })
        .compose(p -> p == null ? Future.failedFuture(new NotFoundException("profile_not_found", "no profile with " + type + " " + value))
            : Future.succeededFuture(p))
        .onSuccess(p -> respond(ctx, 200, () -> Buffer.buffer(ProfileJson.utf8(p, services.config().consent()))))
        .onFailure(ctx::fail);
  }

  /**
   * A read answered on the event loop when the grid's near cache holds everything it needs, else by
   * {@code blocking} on a worker (a miss, an unknown profile). Lookups of hot profiles then cost no
   * thread hand-off at all.
   */
  private Future<Profile> read(Supplier<Profile> cached, Callable<Profile> blocking) {
    Profile hit;
    try {
      hit = cached.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return hit != null ? Future.succeededFuture(hit) : services.gridWorkers().executeBlocking(blocking, false);
  }

  private void decide(RoutingContext ctx) {
    Timer.Sample sample = Timer.start();
    services.decisions().decide(decideParser.decide(ctx.body().buffer()))
        .onSuccess(d -> ctx.response().setStatusCode(200).putHeader("content-type", JSON).end(Buffer.buffer(d.json())))
        .onFailure(ctx::fail)
        .onComplete(ar -> sample.stop(services.metrics().request("decide")));
  }

  private void feedback(RoutingContext ctx) {
    JsonObject body = decideParser.feedback(ctx.body().buffer());
    services.decisions().feedback(body.getString("decisionId"), body.getString("offerId"), body.getString("outcome"), body)
        .onSuccess(r -> respond(ctx, 202, new JsonObject().put("recorded", true).put("status", r.status()).put("learned", r.learned())))
        .onFailure(ctx::fail);
  }

  private void health(RoutingContext ctx) {
    services.gridWorkers().executeBlocking(() -> services.health().get(), false)
        .onSuccess(h -> respond(ctx, h.ready() ? 200 : 503, h.toJson()))
        .onFailure(ctx::fail);
  }

  private void respond(RoutingContext ctx, int status, JsonObject body) {
    respond(ctx, status, body::toBuffer);
  }

  /** A body encoded as UTF-8 JSON by {@code body} (a JsonObject, or the streamed profile view), timed as serialize. */
  private void respond(RoutingContext ctx, int status, Supplier<Buffer> body) {
    long start = System.nanoTime();
    Buffer encoded = body.get();
    services.metrics().stage(Stage.SERIALIZE).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    ctx.response().setStatusCode(status).putHeader("content-type", JSON).end(encoded);
  }

  private static JsonObject toJson(IngestResult r) {
    return new JsonObject().put("accepted", r.accepted()).put("duplicates", r.duplicates()).put("profileIds", new JsonArray(r.profileIds()));
  }
}
