package io.kairos.engine.error;

/** The request is malformed or violates a rule (HTTP 400). */
public final class InvalidInputException extends KairosException {
  public InvalidInputException(String code, String message, String field) {
    super(code, message, field, null);
  }
}
