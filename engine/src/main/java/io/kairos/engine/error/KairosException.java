package io.kairos.engine.error;

/** Base of every error Kairos reports to a caller: a stable code, a message and an optional field path. */
public abstract class KairosException extends RuntimeException {

  private final String code;
  private final String field;

  protected KairosException(String code, String message, String field, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.field = field;
  }

  public String code() {
    return code;
  }

  /** JSON path of the offending input, e.g. {@code batch[3].timestamp}; null when not about one field. */
  public String field() {
    return field;
  }
}
