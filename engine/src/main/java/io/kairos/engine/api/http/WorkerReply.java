package io.kairos.engine.api.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** Runs blocking work (files, model loading, durable writes) on the worker pool and answers with its JSON. */
final class WorkerReply {

  private WorkerReply() {}

  static void json(ApiServices services, RoutingContext ctx, int status, Callable<JsonObject> work) {
    json(services, ctx, status, work, json -> null);
  }

  /** The same, with the {@code ETag} that {@code etag} gives for the answer (none when it gives null). */
  static void json(ApiServices services, RoutingContext ctx, int status, Callable<JsonObject> work, Function<JsonObject, String> etag) {
    services.gridWorkers().executeBlocking(work, false)
        .onSuccess(json -> {
          String tag = etag.apply(json);
          if (tag != null) {
            ctx.response().putHeader("ETag", tag);
          }
          ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(json.encode());
        })
        .onFailure(ctx::fail);
  }
}
