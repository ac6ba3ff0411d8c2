package io.kairos.engine.store;

/**
 * One row of the event history: indexed columns plus the full enriched event as JSON.
 *
 * @param dedupKey the client's messageId, or null; a second row with the same key is not stored
 */
public record StoredEvent(String profileId, String messageId, String dedupKey, String type, String channel, long timestamp,
    long receivedAt, String body) {}
