package io.kairos.engine.ingest;

/** A business-specific interaction kind; counted on the profile like any other. */
public record CustomEventKind(String wireName) implements EventKind {}
