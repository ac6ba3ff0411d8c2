/**
 * The benchmark harness behind {@code bin/kairos bench}: starts a bare Vert.x endpoint (the ceiling)
 * and the real engine in one process, preloads profiles, drives each endpoint with {@code wrk} at the
 * same concurrency, and reports throughput, latency percentiles, errors and ratios to the ceiling.
 * Not used by the engine at run time.
 */
package io.kairos.engine.bench;
