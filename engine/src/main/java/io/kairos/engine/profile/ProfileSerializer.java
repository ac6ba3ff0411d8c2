package io.kairos.engine.profile;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compact serialization of {@link Profile}: one flat schema with parallel arrays for maps, the
 * cart and recent interactions, which keeps a stored profile small and free of nested schemas.
 * Adding a field later is schema evolution: read it with {@code reader.getFieldKind}.
 */
public final class ProfileSerializer implements CompactSerializer<Profile> {

  public static final String TYPE_NAME = "kairos.Profile";

  @Override
  public Profile read(CompactReader r) {
    Map<String, Long> eventCounts = counts(r.readArrayOfString("eventTypes"), r.readArrayOfInt64("eventTypeCounts"));
    Map<String, Long> channelCounts = counts(r.readArrayOfString("channels"), r.readArrayOfInt64("channelCounts"));
    String[] cartIds = r.readArrayOfString("cartProductIds");
    long[] cartQty = r.readArrayOfInt64("cartQuantities");
    double[] cartPrice = r.readArrayOfFloat64("cartPrices");
    List<CartItem> cart = new ArrayList<>(cartIds.length);
    for (int i = 0; i < cartIds.length; i++) {
      cart.add(new CartItem(cartIds[i], cartQty[i], cartPrice[i]));
    }
    String[] traitKeys = r.readArrayOfString("traitKeys");
    String[] traitValues = r.readArrayOfString("traitValues");
    String[] traitSources = r.readArrayOfString("traitSources");
    long[] traitTimes = r.readArrayOfInt64("traitTimes");
    Map<String, String> traits = new LinkedHashMap<>();
    Map<String, TraitOrigin> traitOrigins = new LinkedHashMap<>();
    for (int i = 0; i < traitKeys.length; i++) {
      traits.put(traitKeys[i], traitValues[i]);
      if (traitTimes[i] != 0 || traitSources[i] != null) {
        traitOrigins.put(traitKeys[i], new TraitOrigin(traitSources[i], traitTimes[i]));
      }
    }
    String[] rTypes = r.readArrayOfString("recentTypes");
    String[] rChannels = r.readArrayOfString("recentChannels");
    long[] rTimes = r.readArrayOfInt64("recentTimes");
    String[] rSummaries = r.readArrayOfString("recentSummaries");
    List<Interaction> recent = new ArrayList<>(rTypes.length);
    for (int i = 0; i < rTypes.length; i++) {
      recent.add(new Interaction(rTypes[i], rChannels[i], rTimes[i], rSummaries[i]));
    }
    String[] sentimentChannels = r.readArrayOfString("sentimentChannels");
    double[] sentimentChannelAverages = r.readArrayOfFloat64("sentimentChannelAverages");
    Map<String, Double> byChannel = new LinkedHashMap<>();
    for (int i = 0; i < sentimentChannels.length; i++) {
      byChannel.put(sentimentChannels[i], sentimentChannelAverages[i]);
    }
    SentimentState sentiment = new SentimentState(r.readFloat64("sentimentLast"), r.readString("sentimentLabel"),
        r.readString("sentimentLanguage"), r.readFloat64("sentimentAverage"), r.readInt64("sentimentCount"),
        r.readInt64("sentimentAt"), byChannel, r.readInt64("sentimentNegativeAt"), r.readString("sentimentNegativeChannel"),
        r.readString("sentimentNegativeSnippet"));
    PropensityState propensity = new PropensityState(r.readFloat64("propensity"), r.readString("propensityModel"),
        r.readInt64("propensityAt"), r.readInt64("propensityAsOf"), r.readString("propensityDrivers"));
    SessionState session = new SessionState(r.readInt64("sessionStart"), r.readInt64("sessionLast"), r.readInt32("sessionCount"),
        r.readInt32("sessionAdmin"), r.readFloat64("sessionAdminSeconds"), r.readInt32("sessionInfo"),
        r.readFloat64("sessionInfoSeconds"), r.readInt32("sessionProduct"), r.readFloat64("sessionProductSeconds"),
        r.readFloat64("sessionPageValue"), r.readString("sessionLastPageKind"), r.readInt32("sessionBounces"),
        r.readInt32("sessionPagesTotal"), r.readString("sessionTrafficSource"));
    String[] purposes = r.readArrayOfString("consentPurposes");
    String[] statuses = r.readArrayOfString("consentStatuses");
    String[] sources = r.readArrayOfString("consentSources");
    long[] times = r.readArrayOfInt64("consentTimes");
    Map<String, Consent> consents = new LinkedHashMap<>();
    for (int i = 0; i < purposes.length; i++) {
      consents.put(purposes[i], new Consent(statuses[i], sources[i], times[i]));
    }
    return new Profile(r.readString("profileId"), List.of(r.readArrayOfString("identifiers")),
        List.of(r.readArrayOfString("invalidIdentifiers")), r.readInt64("firstSeen"),
        r.readInt64("lastSeen"), r.readInt64("eventCount"), eventCounts, channelCounts, cart, r.readInt64("purchaseCount"),
        r.readFloat64("purchaseTotal"), r.readInt64("lastPurchaseAt"), traits, traitOrigins, sentiment, propensity, session, recent, consents,
        r.readString("mergedInto"));
  }

  @Override
  public void write(CompactWriter w, Profile p) {
    w.writeString("profileId", p.profileId());
    w.writeArrayOfString("identifiers", p.identifiers().toArray(String[]::new));
    w.writeArrayOfString("invalidIdentifiers", p.invalidIdentifiers().toArray(String[]::new));
    w.writeInt64("firstSeen", p.firstSeen());
    w.writeInt64("lastSeen", p.lastSeen());
    w.writeInt64("eventCount", p.eventCount());
    writeCounts(w, "eventTypes", "eventTypeCounts", p.eventCounts());
    writeCounts(w, "channels", "channelCounts", p.channelCounts());
    int n = p.cart().size();
    String[] ids = new String[n];
    long[] qty = new long[n];
    double[] price = new double[n];
    for (int i = 0; i < n; i++) {
      ids[i] = p.cart().get(i).productId();
      qty[i] = p.cart().get(i).quantity();
      price[i] = p.cart().get(i).price();
    }
    w.writeArrayOfString("cartProductIds", ids);
    w.writeArrayOfInt64("cartQuantities", qty);
    w.writeArrayOfFloat64("cartPrices", price);
    w.writeInt64("purchaseCount", p.purchaseCount());
    w.writeFloat64("purchaseTotal", p.purchaseTotal());
    w.writeInt64("lastPurchaseAt", p.lastPurchaseAt());
    writeTraits(w, p.traits(), p.traitOrigins());
    SentimentState s = p.sentiment();
    w.writeFloat64("sentimentLast", s.lastScore());
    w.writeString("sentimentLabel", s.lastLabel());
    w.writeString("sentimentLanguage", s.lastLanguage());
    w.writeFloat64("sentimentAverage", s.average());
    w.writeInt64("sentimentCount", s.count());
    w.writeInt64("sentimentAt", s.lastAt());
    w.writeArrayOfString("sentimentChannels", s.channelAverages().keySet().toArray(String[]::new));
    w.writeArrayOfFloat64("sentimentChannelAverages",
        s.channelAverages().values().stream().mapToDouble(Double::doubleValue).toArray());
    w.writeInt64("sentimentNegativeAt", s.lastNegativeAt());
    w.writeString("sentimentNegativeChannel", s.lastNegativeChannel());
    w.writeString("sentimentNegativeSnippet", s.lastNegativeSnippet());
    PropensityState pr = p.propensity();
    w.writeFloat64("propensity", pr.score());
    w.writeString("propensityModel", pr.modelVersion());
    w.writeInt64("propensityAt", pr.scoredAt());
    w.writeInt64("propensityAsOf", pr.asOfEventCount());
    w.writeString("propensityDrivers", pr.drivers());
    SessionState ss = p.session();
    w.writeInt64("sessionStart", ss.startedAt());
    w.writeInt64("sessionLast", ss.lastEventAt());
    w.writeInt32("sessionCount", ss.sessionCount());
    w.writeInt32("sessionAdmin", ss.administrative());
    w.writeFloat64("sessionAdminSeconds", ss.administrativeSeconds());
    w.writeInt32("sessionInfo", ss.informational());
    w.writeFloat64("sessionInfoSeconds", ss.informationalSeconds());
    w.writeInt32("sessionProduct", ss.productRelated());
    w.writeFloat64("sessionProductSeconds", ss.productRelatedSeconds());
    w.writeFloat64("sessionPageValue", ss.pageValueSum());
    w.writeString("sessionLastPageKind", ss.lastPageKind());
    w.writeInt32("sessionBounces", ss.bounces());
    w.writeInt32("sessionPagesTotal", ss.pagesTotal());
    w.writeString("sessionTrafficSource", ss.trafficSource());
    int m = p.recent().size();
    String[] types = new String[m];
    String[] channels = new String[m];
    long[] times = new long[m];
    String[] summaries = new String[m];
    for (int i = 0; i < m; i++) {
      Interaction it = p.recent().get(i);
      types[i] = it.type();
      channels[i] = it.channel();
      times[i] = it.timestamp();
      summaries[i] = it.summary();
    }
    w.writeArrayOfString("recentTypes", types);
    w.writeArrayOfString("recentChannels", channels);
    w.writeArrayOfInt64("recentTimes", times);
    w.writeArrayOfString("recentSummaries", summaries);
    writeConsents(w, p.consents());
    w.writeString("mergedInto", p.mergedInto());
  }

  private static void writeTraits(CompactWriter w, Map<String, String> traits, Map<String, TraitOrigin> origins) {
    int n = traits.size();
    String[] keys = new String[n];
    String[] values = new String[n];
    String[] sources = new String[n];
    long[] times = new long[n];
    int i = 0;
    for (Map.Entry<String, String> t : traits.entrySet()) {
      TraitOrigin o = origins.get(t.getKey());
      keys[i] = t.getKey();
      values[i] = t.getValue();
      sources[i] = o == null ? null : o.source();
      times[i++] = o == null ? 0 : o.at();
    }
    w.writeArrayOfString("traitKeys", keys);
    w.writeArrayOfString("traitValues", values);
    w.writeArrayOfString("traitSources", sources);
    w.writeArrayOfInt64("traitTimes", times);
  }

  private static void writeConsents(CompactWriter w, Map<String, Consent> consents) {
    int n = consents.size();
    String[] purposes = new String[n];
    String[] statuses = new String[n];
    String[] sources = new String[n];
    long[] times = new long[n];
    int i = 0;
    for (Map.Entry<String, Consent> e : consents.entrySet()) {
      purposes[i] = e.getKey();
      statuses[i] = e.getValue().status();
      sources[i] = e.getValue().source();
      times[i++] = e.getValue().at();
    }
    w.writeArrayOfString("consentPurposes", purposes);
    w.writeArrayOfString("consentStatuses", statuses);
    w.writeArrayOfString("consentSources", sources);
    w.writeArrayOfInt64("consentTimes", times);
  }

  @Override
  public String getTypeName() {
    return TYPE_NAME;
  }

  @Override
  public Class<Profile> getCompactClass() {
    return Profile.class;
  }

  private static void writeCounts(CompactWriter w, String keysField, String valuesField, Map<String, Long> counts) {
    String[] keys = new String[counts.size()];
    long[] values = new long[counts.size()];
    int i = 0;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      keys[i] = e.getKey();
      values[i++] = e.getValue();
    }
    w.writeArrayOfString(keysField, keys);
    w.writeArrayOfInt64(valuesField, values);
  }

  private static Map<String, Long> counts(String[] keys, long[] values) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < keys.length; i++) {
      out.put(keys[i], values[i]);
    }
    return out;
  }
}
