package io.kairos.engine.profile;

/** A recent interaction kept on the profile: kind, channel, epoch millis and a short summary. */
public record Interaction(String type, String channel, long timestamp, String summary) implements java.io.Serializable {}
