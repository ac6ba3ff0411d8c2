package io.kairos.engine.error;

/** The addressed resource does not exist (HTTP 404). */
public final class NotFoundException extends KairosException {
  public NotFoundException(String code, String message) {
    super(code, message, null, null);
  }
}
