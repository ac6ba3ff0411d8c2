package io.kairos.engine.error;

/** A change made against a version of the state that is no longer current ({@code If-Match} did not match, HTTP 412). */
public final class PreconditionFailedException extends KairosException {
  public PreconditionFailedException(String code, String message, String field) {
    super(code, message, field, null);
  }
}
