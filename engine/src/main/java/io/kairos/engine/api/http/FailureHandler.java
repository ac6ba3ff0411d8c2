package io.kairos.engine.api.http;

import io.kairos.engine.error.ConflictException;
import io.kairos.engine.error.InvalidInputException;
import io.kairos.engine.error.KairosException;
import io.kairos.engine.error.NotFoundException;
import io.kairos.engine.error.PayloadTooLargeException;
import io.kairos.engine.error.PreconditionFailedException;
import io.kairos.engine.error.UnauthorizedException;
import io.kairos.engine.error.UnavailableException;
import io.vertx.core.Handler;
import java.util.concurrent.RejectedExecutionException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place errors become HTTP responses:
 * {@code {"error": {"code": "...", "message": "...", "field": "..."}}}. Unexpected exceptions are
 * logged and answered 500 without internals.
 */
public final class FailureHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

  @Override
  public void handle(RoutingContext ctx) {
    Throwable failure = known(ctx.failure());
    int status;
    String code;
    String message;
    String field = null;
    if (failure instanceof KairosException ke) {
      status = statusOf(ke);
      code = ke.code();
      message = ke.getMessage();
      field = ke.field();
      if (ke instanceof UnavailableException) {
        LOG.warn("{}: {}", code, message);
      }
    } else if (failure == null && ctx.statusCode() == 413) {
      status = 413;
      code = "payload_too_large";
      message = "request body exceeds the limit";
    } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      status = ctx.statusCode();
      code = status == 404 ? "not_found" : status == 405 ? "method_not_allowed" : "bad_request";
      message = status == 404 ? "no such resource: " + ctx.request().path() : "request rejected";
    } else {
      status = 500;
      code = "internal_error";
      message = "internal error; see the engine log";
      LOG.error("unhandled failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
    }
    if (ctx.response().ended()) {
      return;
    }
    JsonObject error = new JsonObject().put("code", code).put("message", message);
    if (field != null) {
      error.put("field", field);
    }
    if (status == 401) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"kairos-admin\"");
    }
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
        .end(new JsonObject().put("error", error).encode());
  }

  /**
   * Failures with a known meaning become the engine's errors: a task refused by a worker pool that is
   * shutting down means the engine is stopping (503, retry elsewhere), not an internal error.
   */
  static Throwable known(Throwable failure) {
    if (failure instanceof RejectedExecutionException) {
      return new UnavailableException("shutting_down", "the engine is shutting down; retry the request", failure);
    }
    return failure;
  }

  static int statusOf(KairosException e) {
    if (e instanceof InvalidInputException) return 400;
    if (e instanceof UnauthorizedException) return 401;
    if (e instanceof NotFoundException) return 404;
    if (e instanceof ConflictException) return 409;
    if (e instanceof PreconditionFailedException) return 412;
    if (e instanceof PayloadTooLargeException) return 413;
    if (e instanceof UnavailableException) return 503;
    return 500;
  }
}
