package io.kairos.engine.profile;

import io.kairos.engine.config.KairosConfig;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** The JSON view of a unified profile, as the profile API and the GDPR export return it. */
public final class ProfileJson {

  private ProfileJson() {}

  public static JsonObject toJson(Profile p, KairosConfig.ConsentPolicy policy) {
    JsonObject identifiers = byType(p.identifiers());
    JsonObject consents = new JsonObject();
    TreeMap<String, String> purposes = new TreeMap<>(policy.defaults());
    p.consents().keySet().forEach(purpose -> purposes.putIfAbsent(purpose, null)); // answers for purposes since removed from config
    purposes.forEach((purpose, fallback) -> {
      Consent c = p.consent(purpose);
      consents.put(purpose, c == null ? new JsonObject().put("status", fallback).put("source", "default")
          : new JsonObject().put("status", c.status()).put("source", c.source()).put("at", iso(c.at())));
    });
    JsonObject traits = new JsonObject();
    new TreeMap<>(p.traits()).forEach((k, v) -> traits.put(k, Json.decodeValue(v)));
    JsonObject traitSources = new JsonObject();
    new TreeMap<>(p.traitOrigins()).forEach((k, o) -> traitSources.put(k, new JsonObject().put("source", o.source())
        .put("at", iso(o.at()))));
    JsonArray cart = new JsonArray();
    for (CartItem item : p.cart()) {
      cart.add(new JsonObject().put("productId", item.productId()).put("quantity", item.quantity()).put("price", item.price()));
    }
    JsonArray recent = new JsonArray();
    for (Interaction i : p.recent()) {
      JsonObject j = new JsonObject().put("type", i.type()).put("channel", i.channel()).put("timestamp", iso(i.timestamp()));
      if (i.summary() != null) {
        j.put("summary", i.summary());
      }
      recent.add(j);
    }
    JsonObject sentiment = p.sentiment().count() == 0 ? null : new JsonObject()
        .put("lastScore", p.sentiment().lastScore())
        .put("lastLabel", p.sentiment().lastLabel())
        .put("language", p.sentiment().lastLanguage())
        .put("average", p.sentiment().average())
        .put("count", p.sentiment().count())
        .put("lastAt", iso(p.sentiment().lastAt()))
        .put("byChannel", new JsonObject(new TreeMap<String, Object>(p.sentiment().channelAverages())))
        .put("lastNegative", p.sentiment().lastNegativeAt() == 0 ? null : new JsonObject()
            .put("at", iso(p.sentiment().lastNegativeAt()))
            .put("channel", p.sentiment().lastNegativeChannel())
            .put("text", p.sentiment().lastNegativeSnippet()));
    JsonObject propensity = !p.propensity().isScored() ? null : new JsonObject()
        .put("score", p.propensity().score())
        .put("model", p.propensity().modelVersion())
        .put("drivers", p.propensity().drivers())
        .put("scoredAt", iso(p.propensity().scoredAt()));
    SessionState s = p.session();
    JsonObject session = new JsonObject()
        .put("sessions", s.sessionCount())
        .put("startedAt", iso(s.startedAt()))
        .put("pages", new JsonObject().put("administrative", s.administrative()).put("informational", s.informational())
            .put("productRelated", s.productRelated()))
        .put("seconds", new JsonObject().put("administrative", s.administrativeSeconds())
            .put("informational", s.informationalSeconds()).put("productRelated", s.productRelatedSeconds()));
    return new JsonObject()
        .put("profileId", p.profileId())
        .put("identifiers", identifiers)
        .put("invalidIdentifiers", byType(p.invalidIdentifiers()))
        .put("consents", consents)
        .put("firstSeen", iso(p.firstSeen()))
        .put("lastSeen", iso(p.lastSeen()))
        .put("traits", traits)
        .put("traitSources", traitSources)
        .put("counters", new JsonObject()
            .put("events", p.eventCount())
            .put("byType", new JsonObject(Map.copyOf(new TreeMap<String, Object>(p.eventCounts()))))
            .put("byChannel", new JsonObject(Map.copyOf(new TreeMap<String, Object>(p.channelCounts())))))
        .put("cart", new JsonObject().put("items", cart).put("value", p.cartValue()))
        .put("purchases", new JsonObject().put("count", p.purchaseCount()).put("total", p.purchaseTotal())
            .put("lastAt", p.lastPurchaseAt() == 0 ? null : iso(p.lastPurchaseAt())))
        .put("sentiment", sentiment)
        .put("propensity", propensity)
        .put("session", session)
        .put("recentInteractions", recent);
  }

  /** {@code ["email:a@b.c", ...]} as {@code {"email": ["a@b.c"], ...}}. */
  private static JsonObject byType(Iterable<String> keys) {
    JsonObject out = new JsonObject();
    for (String id : keys) {
      int colon = id.indexOf(':');
      String type = id.substring(0, colon);
      JsonArray values = out.getJsonArray(type, new JsonArray());
      values.add(id.substring(colon + 1));
      out.put(type, values);
    }
    return out;
  }

  private static String iso(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).toString();
  }
}
