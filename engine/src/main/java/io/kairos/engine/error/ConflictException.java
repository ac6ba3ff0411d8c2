package io.kairos.engine.error;

/** The request is valid but conflicts with the current state, e.g. a rollback with no earlier champion (HTTP 409). */
public final class ConflictException extends KairosException {
  public ConflictException(String code, String message) {
    super(code, message, null, null);
  }
}
