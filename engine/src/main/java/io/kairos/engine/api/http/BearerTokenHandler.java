package io.kairos.engine.api.http;

import io.kairos.engine.error.UnauthorizedException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Lets a request through when it carries {@code Authorization: Bearer <token>} with one of the
 * accepted tokens, else fails it with 401 before the body is read. Used twice: the admin token on
 * the routes that change how the engine decides or hand out a person's whole record, and the client
 * tokens (or the admin token) on every other {@code /v1} route. Each accepted token is compared in
 * constant time, and all of them are compared, so the time taken does not tell which one was near.
 */
final class BearerTokenHandler implements Handler<RoutingContext> {

  private static final String SCHEME = "Bearer ";

  private final byte[][] tokens;
  private final String missing;
  private final String wrong;

  /** @param what what the route needs, for the error ("the admin token", "a client token") */
  BearerTokenHandler(List<String> tokens, String what, String setting) {
    this.tokens = tokens.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    this.missing = "this route needs " + what + ": Authorization: Bearer <" + setting + ">";
    this.wrong = "the bearer token is not " + what;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null) {
      ctx.fail(new UnauthorizedException(missing));
    } else if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || !accepted(header.substring(SCHEME.length()).trim())) {
      ctx.fail(new UnauthorizedException(wrong));
    } else {
      ctx.next();
    }
  }

  private boolean accepted(String sent) {
    byte[] bytes = sent.getBytes(StandardCharsets.UTF_8);
    boolean match = false;
    for (byte[] token : tokens) {
      match |= MessageDigest.isEqual(token, bytes);
    }
    return match;
  }
}
