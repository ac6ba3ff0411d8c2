package io.kairos.engine.decide;

import io.kairos.engine.store.DecisionLog;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What the grid remembers of a recent decision for feedback: the person, the chosen offers, the
 * context the offer models read and the outcomes received so far ({@code offerId|outcome}, and the
 * offers a model already learned from). A JSON string, so the entry processors stay simple.
 */
final class DecisionSummary {

  private DecisionSummary() {}

  static String of(Decision d) {
    JsonArray offerIds = new JsonArray();
    d.offers().forEach(o -> offerIds.add(o.offerId()));
    return new JsonObject().put("profileId", d.profileId()).put("channel", d.channel()).put("offers", offerIds)
        .put("features", DecisionJson.features(d.features())).put("offset", d.offset()).encode();
  }

  /** The summary rebuilt from the durable decision log, with the outcomes already logged. */
  static String fromLog(DecisionLog.StoredDecision stored, DecidePolicy policy) {
    JsonObject body = new JsonObject(stored.body());
    JsonArray offerIds = new JsonArray();
    body.getJsonArray("offers").forEach(o -> offerIds.add(((JsonObject) o).getString("offerId")));
    JsonArray outcomes = new JsonArray();
    JsonArray learned = new JsonArray();
    for (String key : stored.outcomes()) {
      outcomes.add(key);
      String[] parts = key.split("\\|", 2);
      if ((policy.isPositive(parts[1]) || policy.isNegative(parts[1])) && !learned.contains(parts[0])) {
        learned.add(parts[0]);
      }
    }
    return new JsonObject().put("profileId", body.getString("profileId")).put("channel", body.getString("channel"))
        .put("offers", offerIds)
        .put("features", body.getJsonArray("features", new JsonArray())).put("offset", body.getDouble("offset", 0.0))
        .put("outcomes", outcomes).put("learned", learned).encode();
  }
}
