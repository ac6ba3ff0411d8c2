/** Ingest: parsing and validating interaction events, and the pipeline that makes them durable and applies them. */
package io.kairos.engine.ingest;
