package io.kairos.engine.profile;

import java.io.Serializable;

/** Where a trait's current value came from: the channel of the event that set it, and that event's time. */
public record TraitOrigin(String source, long at) implements Serializable {}
