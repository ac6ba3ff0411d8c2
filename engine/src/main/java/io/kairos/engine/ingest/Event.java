package io.kairos.engine.ingest;

import java.time.Instant;
import java.util.Map;

/**
 * One validated interaction as sent by a client.
 *
 * @param identifiers identifier type to value, e.g. {@code userId -> u-1}; never empty
 * @param properties JSON scalars, lists and maps as parsed (Long, Double, Boolean, String, List, Map)
 * @param traits profile traits this event sets (latest wins)
 * @param text optional free text (review, comment, ticket, note); null when absent
 */
public record Event(String messageId, EventKind kind, Instant timestamp, String channel, Map<String, String> identifiers,
    Map<String, Object> properties, Map<String, Object> traits, String text) {

  public Event {
    identifiers = Map.copyOf(identifiers);
  }

  public String property(String name) {
    Object v = properties.get(name);
    return v == null ? null : String.valueOf(v);
  }

  public Double numberProperty(String name) {
    Object v = properties.get(name);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
