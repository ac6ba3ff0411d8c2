package io.kairos.engine.ingest;

import java.time.Instant;
import java.util.Map;

/**
 * One validated interaction as sent by a client.
 *
 * @param messageId the client's id for this event, or null; a second event with the same id is acknowledged, not applied
 * @param identifiers identifier type to cleaned value, e.g. {@code userId -> u-1}; never empty
 * @param invalidIdentifiers e-mails and phones that failed validation, type to value as written; kept, never linked
 * @param properties JSON scalars, lists and maps as parsed (Long, Double, Boolean, String, List, Map)
 * @param traits profile traits this event sets (latest wins)
 * @param consents purpose to {@code granted} or {@code denied}
 * @param text optional free text (review, comment, ticket, note); null when absent
 */
public record Event(String messageId, EventKind kind, Instant timestamp, String channel, Map<String, String> identifiers,
    Map<String, String> invalidIdentifiers, Map<String, Object> properties, Map<String, Object> traits,
    Map<String, String> consents, String text) {

  public Event {
    identifiers = Map.copyOf(identifiers);
    invalidIdentifiers = Map.copyOf(invalidIdentifiers);
    consents = Map.copyOf(consents);
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
