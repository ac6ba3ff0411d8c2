package io.kairos.engine.api.http;

import io.vertx.core.json.JsonObject;

/** Readiness: ready when the grid is up and the store open; models are reported but optional. */
public record HealthReport(boolean gridUp, boolean storeOpen, String sentimentModel, String propensityModel, int profiles,
    int storeQueueDepth) {

  public boolean ready() {
    return gridUp && storeOpen;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("status", ready() ? "UP" : "DOWN")
        .put("ready", ready())
        .put("checks", new JsonObject()
            .put("grid", gridUp ? "up" : "down")
            .put("store", storeOpen ? "open" : "closed")
            .put("sentimentModel", sentimentModel == null ? "missing" : sentimentModel)
            .put("propensityModel", propensityModel == null ? "missing" : propensityModel))
        .put("profiles", profiles)
        .put("storeQueueDepth", storeQueueDepth);
  }
}
