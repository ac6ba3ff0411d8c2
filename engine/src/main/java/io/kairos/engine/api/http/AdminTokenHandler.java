package io.kairos.engine.api.http;

import io.kairos.engine.error.UnauthorizedException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards the routes that change how the engine decides or hand out a person's whole record (offer
 * and model administration, export, erasure): with {@code server.adminToken} set they need
 * {@code Authorization: Bearer <token>}, compared in constant time, else 401 before the body is read.
 * Without a token they are open, and the engine says so at start.
 */
final class AdminTokenHandler implements Handler<RoutingContext> {

  private static final String SCHEME = "Bearer ";

  private final byte[] token;

  AdminTokenHandler(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null) {
      ctx.fail(new UnauthorizedException("this route needs the admin token: Authorization: Bearer <server.adminToken>"));
    } else if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
        || !MessageDigest.isEqual(token, header.substring(SCHEME.length()).trim().getBytes(StandardCharsets.UTF_8))) {
      ctx.fail(new UnauthorizedException("the admin token does not match"));
    } else {
      ctx.next();
    }
  }
}
