package io.kairos.engine.error;

/** A dependency (store, grid) cannot serve the request now; nothing was acknowledged (HTTP 503). */
public final class UnavailableException extends KairosException {
  public UnavailableException(String code, String message, Throwable cause) {
    super(code, message, null, cause);
  }
}
