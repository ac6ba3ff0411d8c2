/**
 * Enrichment outside the grid's entry processors: sentiment of event text (OpenNLP) and purchase
 * propensity of updated profiles (DJL). Both run on worker threads, never on an event loop, and
 * degrade to "unknown" instead of failing a request.
 */
package io.kairos.engine.enrich;
