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
          .put("acceptance", o.acceptance())
          .put("propensity", o.propensity())
          .put("value", o.value())
          .put("probability", o.probability())
          .put("reasons", new JsonArray(o.reasons()))
          .put("payload", new JsonObject(new LinkedHashMap<>(o.payload()))));
    }
    JsonArray excluded = new JsonArray();
    for (ExcludedOffer e : d.excluded()) {
      excluded.add(new JsonObject().put("offerId", e.offerId()).put("reason", e.reason()));
    }
    JsonArray candidates = new JsonArray();
    for (DecisionCandidate c : d.candidates()) {
      candidates.add(new JsonObject().put("offerId", c.offerId()).put("acceptance", c.acceptance()).put("logitSd", c.logitSd())
          .put("multiplier", c.multiplier()).put("probability", c.probability()).put("firstProbability", c.firstProbability()));
    }
    return new JsonObject()
        .put("decisionId", d.decisionId())
        .put("profileId", d.profileId())
        .put("channel", d.channel())
        .put("placement", d.placement())
        .put("propensitySource", d.propensitySource())
        .put("consent", new JsonArray(d.consent()))
        .put("offers", offers)
        .put("excluded", excluded)
        .put("policy", d.policy())
        .put("features", features(d.features()))
        .put("offset", d.offset())
        .put("candidates", candidates);
  }

  static JsonArray features(double[] x) {
    JsonArray a = new JsonArray();
    for (double v : x) {
      a.add(v);
    }
    return a;
  }
}
