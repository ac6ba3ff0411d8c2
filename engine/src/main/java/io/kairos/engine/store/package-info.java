/**
 * Durable storage on the embedded default: SQLite in WAL mode with group commit. Holds the
 * append-only event history (the source of truth replayed into the grid on start, and the input
 * of future training), the decision log and feedback.
 */
package io.kairos.engine.store;
