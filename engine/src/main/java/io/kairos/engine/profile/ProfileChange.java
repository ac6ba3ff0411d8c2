package io.kairos.engine.profile;

import io.kairos.engine.identity.Identifier;
import io.kairos.engine.ingest.EnrichedEvent;
import io.kairos.engine.ingest.Event;
import io.kairos.engine.ingest.StandardEventKind;
import io.vertx.core.json.Json;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one enriched event changes on a profile: the small, serializable digest an entry processor
 * carries to the profile's partition (no text beyond a snippet, no raw properties).
 *
 * @param pageKind administrative, informational or product_related for page-like events; null otherwise
 * @param traits trait name to JSON-encoded value
 * @param invalidIdentifiers keys of identifiers that failed validation (kept, flagged, not linked)
 * @param consents purpose to the answer this event gives
 * @param trafficSource where the visit came from (see {@link TrafficSource}); null when the event does not say
 */
public record ProfileChange(String type, String pageKind, long timestamp, String channel, List<String> identifiers,
    String productId, long quantity, double price, double orderTotal, double pageValue, Map<String, String> traits,
    String summary, String sentimentLabel, double sentimentScore, String sentimentLanguage, List<String> invalidIdentifiers,
    Map<String, Consent> consents, String trafficSource) implements Serializable {

  /** A change that says nothing about where the visit came from. */
  public ProfileChange(String type, String pageKind, long timestamp, String channel, List<String> identifiers, String productId,
      long quantity, double price, double orderTotal, double pageValue, Map<String, String> traits, String summary,
      String sentimentLabel, double sentimentScore, String sentimentLanguage, List<String> invalidIdentifiers,
      Map<String, Consent> consents) {
    this(type, pageKind, timestamp, channel, identifiers, productId, quantity, price, orderTotal, pageValue, traits, summary,
        sentimentLabel, sentimentScore, sentimentLanguage, invalidIdentifiers, consents, null);
  }

  public ProfileChange {
    invalidIdentifiers = List.copyOf(invalidIdentifiers);
    consents = Map.copyOf(consents);
  }

  public static final String ADMINISTRATIVE = "administrative";
  public static final String INFORMATIONAL = "informational";
  public static final String PRODUCT_RELATED = "product_related";
  private static final Set<String> ADMIN_PAGES = Set.of("account", "login", "register", "checkout", "cart", "profile", "settings", "order");
  private static final Set<String> INFO_PAGES = Set.of("info", "about", "help", "faq", "contact", "policy", "shipping", "returns", "blog");
  private static final int SNIPPET_CHARS = 140;

  public static ProfileChange of(EnrichedEvent enriched) {
    Event e = enriched.event();
    List<String> ids = new ArrayList<>();
    enriched.linkedIdentifiers().forEach((type, value) -> ids.add(Identifier.key(type, value)));
    List<String> invalid = new ArrayList<>();
    e.invalidIdentifiers().forEach((type, value) -> invalid.add(Identifier.key(type, value)));
    Map<String, Consent> consents = new LinkedHashMap<>();
    e.consents().forEach((purpose, status) -> consents.put(purpose, new Consent(status, e.channel(), e.timestamp().toEpochMilli())));
    Map<String, String> traits = new LinkedHashMap<>();
    e.traits().forEach((k, v) -> traits.put(k, Json.encode(v)));
    long quantity = Math.max(1, Math.round(orDefault(e.numberProperty("quantity"), 1)));
    double price = orDefault(e.numberProperty("price"), 0);
    double total = orDefault(e.numberProperty("total"), orDefault(e.numberProperty("revenue"), -1));
    double pageValue = orDefault(e.numberProperty("pageValue"),
        e.kind() == StandardEventKind.ADD_TO_CART ? price * quantity : 0);
    String label = enriched.sentiment() != null && enriched.sentiment().isKnown() ? enriched.sentiment().label() : null;
    return new ProfileChange(e.kind().wireName(), pageKind(e), e.timestamp().toEpochMilli(), e.channel(), ids,
        e.property("productId"), quantity, price, total, pageValue, traits, summary(e), label,
        label == null ? 0 : enriched.sentiment().score(), label == null ? null : enriched.sentiment().language(), invalid, consents,
        TrafficSource.of(e));
  }

  /** Maps page-like events to the page kinds of the propensity model's training data. */
  static String pageKind(Event e) {
    if (e.kind() == StandardEventKind.PRODUCT_VIEW || e.kind() == StandardEventKind.ADD_TO_CART
        || e.kind() == StandardEventKind.REMOVE_FROM_CART) {
      return PRODUCT_RELATED;
    }
    if (e.kind() != StandardEventKind.PAGE_VIEW) {
      return null;
    }
    String pageType = e.property("pageType");
    String p = pageType == null ? "" : pageType.toLowerCase(Locale.ROOT);
    if (ADMIN_PAGES.contains(p)) {
      return ADMINISTRATIVE;
    }
    if (INFO_PAGES.contains(p)) {
      return INFORMATIONAL;
    }
    return PRODUCT_RELATED;
  }

  private static String summary(Event e) {
    if (e.text() != null) {
      return e.text().length() <= SNIPPET_CHARS ? e.text() : e.text().substring(0, SNIPPET_CHARS - 1) + "…";
    }
    for (String key : List.of("productId", "offerId", "url", "campaign")) {
      String v = e.property(key);
      if (v != null) {
        return key + "=" + (v.length() > 100 ? v.substring(0, 100) : v);
      }
    }
    return null;
  }

  private static double orDefault(Double v, double fallback) {
    return v == null || v.isNaN() || v.isInfinite() ? fallback : v;
  }
}
