package io.kairos.engine.store;

/** One row of the event history: indexed columns plus the full enriched event as JSON. */
public record StoredEvent(String profileId, String messageId, String type, String channel, long timestamp, long receivedAt, String body) {}
