/**
 * The Kairos engine: composes the {@code nlp} and {@code models} libraries behind a Vert.x HTTP
 * API, with profiles in an embedded Hazelcast member and a durable SQLite event log. Data flows
 * ingest → identity → profile → enrich → decide; see docs/ARCHITECTURE.md.
 */
package io.kairos.engine;
