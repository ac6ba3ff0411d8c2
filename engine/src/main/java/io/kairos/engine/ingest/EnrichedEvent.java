package io.kairos.engine.ingest;

import io.kairos.nlp.Sentiment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An event after identity resolution and text enrichment: the unit that is made durable, applied
 * to the profile and replayed on restart.
 *
 * @param sentiment null when the event has no text
 * @param receivedAt epoch millis when the engine accepted it
 * @param unlinked identifier types the event carried that were not linked to its profile (another profile's, the
 *     merge refused; or a second value of an exclusive type): not listed on the profile, and not linked to it by replay
 */
public record EnrichedEvent(Event event, String profileId, Sentiment sentiment, long receivedAt, Set<String> unlinked) {

  public EnrichedEvent {
    unlinked = Set.copyOf(unlinked);
  }

  /** An event whose identifiers all lead to its profile. */
  public EnrichedEvent(Event event, String profileId, Sentiment sentiment, long receivedAt) {
    this(event, profileId, sentiment, receivedAt, Set.of());
  }

  /** The identifiers that lead to this event's profile: all the event carried except the unlinked ones. */
  public Map<String, String> linkedIdentifiers() {
    if (unlinked.isEmpty()) {
      return event.identifiers();
    }
    Map<String, String> out = new LinkedHashMap<>(event.identifiers());
    out.keySet().removeAll(unlinked);
    return out;
  }
}
