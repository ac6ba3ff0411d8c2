/**
 * The embedded Hazelcast member. Grid calls use the synchronous API from the engine's named
 * worker pool ({@code kairos-grid}): on one member a call costs tens of microseconds, while an
 * async invocation's completion hop cost hundreds (measured: docs/ARCHITECTURE.md).
 */
package io.kairos.engine.grid;
