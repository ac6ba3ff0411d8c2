package io.kairos.engine.bench;

import java.util.List;

/**
 * One measured endpoint: its path, the Lua that shapes its requests, how many events a request
 * carries (for ingest) and the target ratio or rate from issue 7, if any.
 */
record Scenario(String name, String label, String path, String lua, int eventsPerRequest, String target) {

  /** The six measurements of the harness, over {@code profiles} preloaded users {@code bench-u0..}. */
  static List<Scenario> all(int profiles) {
    String user = "'bench-u' .. math.random(0, " + (profiles - 1) + ")";
    String json = "{[\"Content-Type\"]=\"application/json\"}";
    return List.of(
        new Scenario("ceiling", "(a) ceiling: bare Vert.x, fixed small JSON", "/ceiling", "", 0, null),
        new Scenario("ceiling_view", "(a2) bare Vert.x, a fixed profile view (lookup's body)", "/ceiling-view", "", 0, null),
        new Scenario("decide", "(b) decide by userId, web/cart", "/v1/decide",
            "request = function()\n  return wrk.format(\"POST\", \"/v1/decide\", " + json + ",\n"
                + "    '{\"identifiers\":{\"userId\":\"' .. " + user + " .. '\"},\"channel\":\"web\",\"placement\":\"cart\"}')\nend", 0,
            "≥ 0.5 × ceiling"),
        new Scenario("lookup", "(c) profile lookup by userId", "/v1/profiles/by/userId/x",
            "request = function()\n  return wrk.format(\"GET\", \"/v1/profiles/by/userId/\" .. " + user + ")\nend", 0, "≥ 0.6 × ceiling"),
        new Scenario("ingest_single", "(d) ingest, one event per request", "/v1/events",
            "request = function()\n  return wrk.format(\"POST\", \"/v1/events\", " + json + ",\n"
                + "    '{\"type\":\"page_view\",\"channel\":\"web\",\"identifiers\":{\"userId\":\"' .. " + user
                + " .. '\"},\"properties\":{\"pageType\":\"product\"}}')\nend", 1, null),
        new Scenario("ingest_batch", "(e) ingest, batches of 100 events", "/v1/events",
            "local bodies = {}\nfor b = 1, 64 do\n  local parts = {}\n  for i = 1, 100 do\n"
                + "    parts[i] = '{\"type\":\"product_view\",\"channel\":\"web\",\"identifiers\":{\"userId\":\"' .. " + user
                + " .. '\"},\"properties\":{\"productId\":\"sku-' .. i .. '\",\"price\":9.5}}'\n  end\n"
                + "  bodies[b] = '{\"batch\":[' .. table.concat(parts, ',') .. ']}'\nend\nlocal k = 0\n"
                + "request = function()\n  k = k % 64 + 1\n  return wrk.format(\"POST\", \"/v1/events\", " + json + ", bodies[k])\nend",
            100, "≥ 50,000 events/s"));
  }
}
