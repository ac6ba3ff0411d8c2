package io.kairos.engine.error;

/** The request needs the admin token and did not carry it, or carried another (HTTP 401). */
public final class UnauthorizedException extends KairosException {
  public UnauthorizedException(String message) {
    super("unauthorized", message, "Authorization", null);
  }
}
