package io.kairos.engine.api.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;

/** Runs blocking work (files, model loading, durable writes) on the worker pool and answers with its JSON. */
final class WorkerReply {

  private WorkerReply() {}

  static void json(ApiServices services, RoutingContext ctx, int status, Callable<JsonObject> work) {
    services.gridWorkers().executeBlocking(work, false)
        .onSuccess(json -> ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(json.encode()))
        .onFailure(ctx::fail);
  }
}
