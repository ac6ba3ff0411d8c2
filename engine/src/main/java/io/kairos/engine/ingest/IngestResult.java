package io.kairos.engine.ingest;

import java.util.List;

/**
 * What {@code POST /v1/events} acknowledges: how many events are durable, how many of them were
 * repeats of a messageId stored before (acknowledged, not applied again), and which profiles the
 * events went to.
 */
public record IngestResult(int accepted, int duplicates, List<String> profileIds) {}
