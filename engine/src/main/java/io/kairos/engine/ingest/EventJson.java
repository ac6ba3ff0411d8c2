package io.kairos.engine.ingest;

import io.kairos.nlp.Sentiment;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The stored form of an {@link EnrichedEvent}: the client's event in the API's own shape, plus the
 * resolved {@code profileId}, {@code receivedAt}, the {@code sentiment} computed at ingest and, when some
 * identifiers were not linked to the profile, their types ({@code unlinked}), so that replay and later
 * model training see exactly what the live path saw.
 */
public final class EventJson {

  private EventJson() {}

  public static JsonObject toJson(EnrichedEvent e) {
    Event ev = e.event();
    JsonObject json = new JsonObject()
        .put("type", ev.kind().wireName())
        .put("messageId", ev.messageId())
        .put("timestamp", ev.timestamp().toString())
        .put("channel", ev.channel())
        .put("identifiers", new JsonObject(new LinkedHashMap<>(ev.identifiers())))
        .put("properties", new JsonObject(new LinkedHashMap<>(ev.properties())))
        .put("profileId", e.profileId())
        .put("receivedAt", e.receivedAt());
    if (!e.unlinked().isEmpty()) {
      json.put("unlinked", new JsonArray(e.unlinked().stream().sorted().toList()));
    }
    if (!ev.invalidIdentifiers().isEmpty()) {
      json.put("invalidIdentifiers", new JsonObject(new LinkedHashMap<>(ev.invalidIdentifiers())));
    }
    if (!ev.consents().isEmpty()) {
      json.put("consents", new JsonObject(new LinkedHashMap<>(ev.consents())));
    }
    if (!ev.traits().isEmpty()) {
      json.put("traits", new JsonObject(new LinkedHashMap<>(ev.traits())));
    }
    if (ev.text() != null) {
      json.put("text", ev.text());
    }
    if (e.sentiment() != null) {
      Sentiment s = e.sentiment();
      json.put("sentiment", new JsonObject().put("language", s.language()).put("label", s.label()).put("score", s.score())
          .put("probabilities", new JsonObject(new LinkedHashMap<>(s.probabilities()))));
    }
    return json;
  }

  public static EnrichedEvent fromJson(JsonObject json) {
    JsonObject traits = json.getJsonObject("traits");
    Event event = new Event(json.getString("messageId"), EventKind.of(json.getString("type")),
        Instant.parse(json.getString("timestamp")), json.getString("channel"), strings(json.getJsonObject("identifiers")),
        strings(json.getJsonObject("invalidIdentifiers")), JsonValues.plainMap(json.getJsonObject("properties")),
        traits == null ? Map.of() : JsonValues.plainMap(traits), strings(json.getJsonObject("consents")), json.getString("text"));
    Sentiment sentiment = null;
    JsonObject s = json.getJsonObject("sentiment");
    if (s != null) {
      Map<String, Double> probs = new LinkedHashMap<>();
      s.getJsonObject("probabilities").forEach(en -> probs.put(en.getKey(), ((Number) en.getValue()).doubleValue()));
      sentiment = new Sentiment(s.getString("language"), s.getString("label"), s.getDouble("score"), probs);
    }
    JsonArray unlinked = json.getJsonArray("unlinked", new JsonArray()); // absent in events stored before it was recorded
    return new EnrichedEvent(event, json.getString("profileId"), sentiment, json.getLong("receivedAt"),
        unlinked.stream().map(String::valueOf).collect(Collectors.toSet()));
  }

  private static Map<String, String> strings(JsonObject json) {
    Map<String, String> out = new LinkedHashMap<>();
    if (json != null) {
      json.forEach(en -> out.put(en.getKey(), String.valueOf(en.getValue())));
    }
    return out;
  }
}
