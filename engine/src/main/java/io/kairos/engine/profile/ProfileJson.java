package io.kairos.engine.profile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.kairos.engine.config.KairosConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON view of a unified profile, as the profile API and the GDPR export return it. Written with
 * Jackson's streaming generator straight to UTF-8 bytes (profile lookups are a hot path: building a
 * {@code JsonObject} and encoding it was two thirds of a lookup's event-loop time); trait values are
 * stored as JSON already and are copied as they are.
 */
public final class ProfileJson {

  /** Characters beyond the BMP (emoji in a review snippet) as their four UTF-8 bytes, not as an escaped surrogate pair. */
  private static final JsonFactory JSON = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
      .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

  private static final ThreadLocal<ByteArrayBuilder> BUFFERS = ThreadLocal.withInitial(() -> new ByteArrayBuilder(4096));
  private static final ThreadLocal<char[]> TIME = ThreadLocal.withInitial(() -> new char[IsoMillis.MAX_CHARS]);

  private ProfileJson() {}

  /** The view as a {@link JsonObject}, for callers that embed or pick from it. */
  public static JsonObject toJson(Profile p, KairosConfig.ConsentPolicy policy) {
    return new JsonObject(Buffer.buffer(utf8(p, policy)));
  }

  /**
   * The view as UTF-8 JSON, written into a per-thread buffer and copied out once: what the profile API sends,
   * without a {@code String} in between (it was UTF-16 whenever a trait or a snippet was not Latin-1, then encoded again).
   */
  public static byte[] utf8(Profile p, KairosConfig.ConsentPolicy policy) {
    ByteArrayBuilder out = BUFFERS.get();
    out.reset();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      write(g, p, policy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void write(JsonGenerator g, Profile p, KairosConfig.ConsentPolicy policy) throws IOException {
    g.writeStartObject();
    g.writeStringField("profileId", p.profileId());
    byType(g, "identifiers", p.identifiers());
    byType(g, "invalidIdentifiers", p.invalidIdentifiers());
    g.writeObjectFieldStart("consents");
    TreeMap<String, String> purposes = new TreeMap<>(policy.defaults());
    p.consents().keySet().forEach(purpose -> purposes.putIfAbsent(purpose, null)); // answers for purposes since removed from config
    for (Map.Entry<String, String> purpose : purposes.entrySet()) {
      Consent c = p.consent(purpose.getKey());
      g.writeObjectFieldStart(purpose.getKey());
      g.writeStringField("status", c == null ? purpose.getValue() : c.status());
      g.writeStringField("source", c == null ? "default" : c.source());
      if (c != null) {
        time(g, "at", c.at());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
    time(g, "firstSeen", p.firstSeen());
    time(g, "lastSeen", p.lastSeen());
    g.writeObjectFieldStart("traits");
    for (Map.Entry<String, String> t : new TreeMap<>(p.traits()).entrySet()) {
      g.writeFieldName(t.getKey());
      g.writeRawValue(t.getValue());
    }
    g.writeEndObject();
    g.writeObjectFieldStart("traitSources");
    for (Map.Entry<String, TraitOrigin> o : new TreeMap<>(p.traitOrigins()).entrySet()) {
      g.writeObjectFieldStart(o.getKey());
      g.writeStringField("source", o.getValue().source());
      time(g, "at", o.getValue().at());
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeObjectFieldStart("counters");
    g.writeNumberField("events", p.eventCount());
    counts(g, "byType", p.eventCounts());
    counts(g, "byChannel", p.channelCounts());
    g.writeEndObject();
    g.writeObjectFieldStart("cart");
    g.writeArrayFieldStart("items");
    for (CartItem item : p.cart()) {
      g.writeStartObject();
      g.writeStringField("productId", item.productId());
      g.writeNumberField("quantity", item.quantity());
      g.writeNumberField("price", item.price());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("value", p.cartValue());
    g.writeEndObject();
    g.writeObjectFieldStart("purchases");
    g.writeNumberField("count", p.purchaseCount());
    g.writeNumberField("total", p.purchaseTotal());
    if (p.lastPurchaseAt() == 0) {
      g.writeNullField("lastAt");
    } else {
      time(g, "lastAt", p.lastPurchaseAt());
    }
    g.writeEndObject();
    sentiment(g, p.sentiment());
    propensity(g, p.propensity());
    session(g, p.session());
    g.writeArrayFieldStart("recentInteractions");
    for (Interaction i : p.recent()) {
      g.writeStartObject();
      g.writeStringField("type", i.type());
      g.writeStringField("channel", i.channel());
      time(g, "timestamp", i.timestamp());
      if (i.summary() != null) {
        g.writeStringField("summary", i.summary());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void sentiment(JsonGenerator g, SentimentState s) throws IOException {
    g.writeFieldName("sentiment");
    if (s.count() == 0) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeNumberField("lastScore", s.lastScore());
    g.writeStringField("lastLabel", s.lastLabel());
    g.writeStringField("language", s.lastLanguage());
    g.writeNumberField("average", s.average());
    g.writeNumberField("count", s.count());
    time(g, "lastAt", s.lastAt());
    g.writeObjectFieldStart("byChannel");
    for (Map.Entry<String, Double> c : new TreeMap<>(s.channelAverages()).entrySet()) {
      g.writeNumberField(c.getKey(), c.getValue());
    }
    g.writeEndObject();
    g.writeFieldName("lastNegative");
    if (s.lastNegativeAt() == 0) {
      g.writeNull();
    } else {
      g.writeStartObject();
      time(g, "at", s.lastNegativeAt());
      g.writeStringField("channel", s.lastNegativeChannel());
      g.writeStringField("text", s.lastNegativeSnippet());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void propensity(JsonGenerator g, PropensityState p) throws IOException {
    g.writeFieldName("propensity");
    if (!p.isScored()) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeNumberField("score", p.score());
    g.writeStringField("model", p.modelVersion());
    g.writeStringField("drivers", p.drivers());
    time(g, "scoredAt", p.scoredAt());
    g.writeEndObject();
  }

  private static void session(JsonGenerator g, SessionState s) throws IOException {
    g.writeObjectFieldStart("session");
    g.writeNumberField("sessions", s.sessionCount());
    time(g, "startedAt", s.startedAt());
    g.writeObjectFieldStart("pages");
    g.writeNumberField("administrative", s.administrative());
    g.writeNumberField("informational", s.informational());
    g.writeNumberField("productRelated", s.productRelated());
    g.writeEndObject();
    g.writeObjectFieldStart("seconds");
    g.writeNumberField("administrative", s.administrativeSeconds());
    g.writeNumberField("informational", s.informationalSeconds());
    g.writeNumberField("productRelated", s.productRelatedSeconds());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void counts(JsonGenerator g, String field, Map<String, Long> counts) throws IOException {
    g.writeObjectFieldStart(field);
    for (Map.Entry<String, Long> c : new TreeMap<>(counts).entrySet()) {
      g.writeNumberField(c.getKey(), c.getValue());
    }
    g.writeEndObject();
  }

  /** {@code ["email:a@b.c", ...]} as {@code {"email": ["a@b.c"], ...}}, types in order of first appearance. */
  private static void byType(JsonGenerator g, String field, List<String> keys) throws IOException {
    Map<String, List<String>> grouped = new LinkedHashMap<>();
    for (String id : keys) {
      int colon = id.indexOf(':');
      grouped.computeIfAbsent(id.substring(0, colon), t -> new ArrayList<>()).add(id.substring(colon + 1));
    }
    g.writeObjectFieldStart(field);
    for (Map.Entry<String, List<String>> type : grouped.entrySet()) {
      g.writeArrayFieldStart(type.getKey());
      for (String value : type.getValue()) {
        g.writeString(value);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /** A timestamp field, written as {@link Instant#toString()} would write it, without building the string. */
  private static void time(JsonGenerator g, String field, long epochMillis) throws IOException {
    g.writeFieldName(field);
    char[] chars = TIME.get();
    int n = IsoMillis.format(epochMillis, chars);
    if (n < 0) {
      g.writeString(Instant.ofEpochMilli(epochMillis).toString());
    } else {
      g.writeString(chars, 0, n);
    }
  }
}
