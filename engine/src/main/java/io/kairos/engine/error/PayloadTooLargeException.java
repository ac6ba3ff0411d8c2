package io.kairos.engine.error;

/** The request, a batch or a text is larger than the configured limit (HTTP 413). */
public final class PayloadTooLargeException extends KairosException {
  public PayloadTooLargeException(String code, String message, String field) {
    super(code, message, field, null);
  }
}
