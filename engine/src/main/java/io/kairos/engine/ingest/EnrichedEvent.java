package io.kairos.engine.ingest;

import io.kairos.nlp.Sentiment;

/**
 * An event after identity resolution and text enrichment: the unit that is made durable, applied
 * to the profile and replayed on restart.
 *
 * @param sentiment null when the event has no text
 * @param receivedAt epoch millis when the engine accepted it
 */
public record EnrichedEvent(Event event, String profileId, Sentiment sentiment, long receivedAt) {}
