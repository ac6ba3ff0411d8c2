package io.kairos.engine.decide;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;

/** The JSON shape of a {@link Decision}, as returned by {@code POST /v1/decide} and stored in the decision log. */
public final class DecisionJson {

  private DecisionJson() {}

  public static JsonObject toJson(Decision d) {
    JsonArray offers = new JsonArray();
    for (RankedOffer o : d.offers()) {
      offers.add(new JsonObject()
          .put("offerId", o.offerId())
          .put("name", o.name())
          .put("score", o.score())
          .put("propensity", o.propensity())
          .put("value", o.value())
          .put("reasons", new JsonArray(o.reasons()))
          .put("payload", new JsonObject(new LinkedHashMap<>(o.payload()))));
    }
    JsonArray excluded = new JsonArray();
    for (ExcludedOffer e : d.excluded()) {
      excluded.add(new JsonObject().put("offerId", e.offerId()).put("reason", e.reason()));
    }
    return new JsonObject()
        .put("decisionId", d.decisionId())
        .put("profileId", d.profileId())
        .put("channel", d.channel())
        .put("placement", d.placement())
        .put("propensitySource", d.propensitySource())
        .put("consent", new JsonArray(d.consent()))
        .put("offers", offers)
        .put("excluded", excluded);
  }
}
