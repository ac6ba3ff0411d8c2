package io.kairos.engine.error;

/** Configuration is missing or invalid; raised at start, before anything listens. */
public final class ConfigException extends KairosException {
  public ConfigException(String message, String field) {
    super("invalid_config", message, field, null);
  }

  public ConfigException(String message, String field, Throwable cause) {
    super("invalid_config", message, field, cause);
  }
}
