/** Micrometer metrics with a Prometheus registry: request and stage timers, JVM, grid and store gauges. */
package io.kairos.engine.metrics;
