/** The versioned JSON-over-HTTP API (Vert.x Web): routes, request parsing, JSON views and the one failure handler. */
package io.kairos.engine.api.http;
