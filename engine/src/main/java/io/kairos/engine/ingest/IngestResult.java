package io.kairos.engine.ingest;

import java.util.List;

/** What {@code POST /v1/events} acknowledges: how many events are durable and which profiles they went to. */
public record IngestResult(int accepted, List<String> profileIds) {}
