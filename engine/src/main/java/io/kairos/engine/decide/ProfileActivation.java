package io.kairos.engine.decide;

import io.kairos.engine.profile.Profile;
import io.vertx.core.json.Json;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code profile} variable that offer conditions see. Every key is always present (zero or
 * empty for an unknown person), because in CEL a missing key is an error, not false.
 */
public final class ProfileActivation {

  private ProfileActivation() {}

  /** Hours since the last negative text when there is none: conditions like {@code > 24} then hold. */
  public static final double NEVER_HOURS = 1e9;

  /** @param consent purpose to granted (the person's answer or the default) */
  public static Map<String, Object> of(Profile p, double propensity, Map<String, Boolean> consent, long now) {
    Map<String, Object> m = new HashMap<>();
    Profile profile = p != null ? p : Profile.empty("");
    m.put("known", p != null);
    m.put("eventCount", profile.eventCount());
    m.put("counts", new HashMap<>(profile.eventCounts()));
    m.put("channels", new HashMap<>(profile.channelCounts()));
    m.put("purchaseCount", profile.purchaseCount());
    m.put("purchaseTotal", profile.purchaseTotal());
    m.put("cartValue", profile.cartValue());
    m.put("cartSize", (long) profile.cart().size());
    m.put("propensity", propensity);
    m.put("lastSeen", profile.lastSeen());
    m.put("consent", consent);
    Map<String, Object> traits = new HashMap<>();
    profile.traits().forEach((k, v) -> traits.put(k, io.kairos.engine.ingest.JsonValues.plain(Json.decodeValue(v))));
    m.put("traits", traits);
    long negativeAt = profile.sentiment().lastNegativeAt();
    m.put("sentiment", Map.of(
        "count", profile.sentiment().count(),
        "score", profile.sentiment().lastScore(),
        "average", profile.sentiment().average(),
        "label", profile.sentiment().lastLabel() == null ? "unknown" : profile.sentiment().lastLabel(),
        "language", profile.sentiment().lastLanguage() == null ? "unknown" : profile.sentiment().lastLanguage(),
        "byChannel", new HashMap<>(profile.sentiment().channelAverages()),
        "hoursSinceNegative", negativeAt == 0 ? NEVER_HOURS : Math.max(0, now - negativeAt) / 3_600_000.0));
    return m;
  }
}
