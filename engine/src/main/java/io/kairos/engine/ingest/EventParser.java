package io.kairos.engine.ingest;

import io.kairos.engine.identity.RandomIds;
import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.error.InvalidInputException;
import io.kairos.engine.error.PayloadTooLargeException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses a {@code POST /v1/events} body (one event, or {@code {"batch": [...]}}) into validated
 * {@link Event}s. Every problem is reported with the JSON path of the field, and the whole request
 * is rejected before anything is applied.
 */
public final class EventParser {

  static final Set<String> EVENT_FIELDS =
      Set.of("type", "messageId", "timestamp", "channel", "identifiers", "properties", "traits", "text");
  static final Set<String> PRIMARY_IDENTIFIERS = Set.of("profileId", "anonymousId", "userId");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");
  private static final int MAX_ID_CHARS = 256;
  private static final int MAX_PROPERTIES = 100;
  private static final int MAX_KEY_CHARS = 128;
  private static final Duration MAX_FUTURE = Duration.ofDays(1);

  private final int maxBatchEvents;
  private final int maxTextChars;
  private final Clock clock;

  public EventParser(KairosConfig.Server limits, Clock clock) {
    this.maxBatchEvents = limits.maxBatchEvents();
    this.maxTextChars = limits.maxTextChars();
    this.clock = clock;
  }

  public List<Event> parse(Buffer body) {
    if (body == null || body.length() == 0) {
      throw new InvalidInputException("invalid_json", "request body is empty; send one event or {\"batch\": [...]}", null);
    }
    Object root;
    try {
      root = Json.decodeValue(body);
    } catch (DecodeException e) {
      throw new InvalidInputException("invalid_json", "request body is not valid JSON: " + firstLine(e.getMessage()), null);
    }
    if (!(root instanceof JsonObject object)) {
      throw new InvalidInputException("invalid_json", "request body must be a JSON object", null);
    }
    if (!object.containsKey("batch")) {
      return List.of(parseEvent(object, ""));
    }
    if (object.size() != 1) {
      String extra = object.fieldNames().stream().filter(f -> !f.equals("batch")).findFirst().orElse("");
      throw new InvalidInputException("invalid_request", "a batch request holds only \"batch\"; unexpected field", extra);
    }
    if (!(object.getValue("batch") instanceof JsonArray batch)) {
      throw new InvalidInputException("invalid_request", "batch must be an array of events", "batch");
    }
    if (batch.isEmpty()) {
      throw new InvalidInputException("empty_batch", "batch must hold at least one event", "batch");
    }
    if (batch.size() > maxBatchEvents) {
      throw new PayloadTooLargeException("batch_too_large",
          "batch holds " + batch.size() + " events; the limit is " + maxBatchEvents, "batch");
    }
    List<Event> events = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      String path = "batch[" + i + "].";
      if (!(batch.getValue(i) instanceof JsonObject event)) {
        throw new InvalidInputException("invalid_event", "each batch element must be an event object", "batch[" + i + "]");
      }
      events.add(parseEvent(event, path));
    }
    return events;
  }

  Event parseEvent(JsonObject json, String path) {
    for (String field : json.fieldNames()) {
      if (!EVENT_FIELDS.contains(field)) {
        throw invalid("unknown field; an event has " + String.join(", ", EVENT_FIELDS.stream().sorted().toList()), path + field);
      }
    }
    String type = requiredString(json, "type", path);
    if (!NAME.matcher(type).matches()) {
      throw invalid("type must be lower_snake_case, 1-64 characters starting with a letter", path + "type");
    }
    String messageId = optionalString(json, "messageId", path);
    if (messageId != null && (messageId.isBlank() || messageId.length() > MAX_ID_CHARS)) {
      throw invalid("messageId must be 1-" + MAX_ID_CHARS + " characters", path + "messageId");
    }
    String channel = optionalString(json, "channel", path);
    if (channel != null && !NAME.matcher(channel).matches()) {
      throw invalid("channel must be lower_snake_case, 1-64 characters", path + "channel");
    }
    Instant timestamp = timestamp(json, path);
    Map<String, String> identifiers = identifiers(json, path);
    Map<String, Object> properties = object(json, "properties", path);
    Map<String, Object> traits = object(json, "traits", path);
    String text = optionalString(json, "text", path);
    if (text != null && text.length() > maxTextChars) {
      throw new PayloadTooLargeException("text_too_large",
          "text has " + text.length() + " characters; the limit is " + maxTextChars, path + "text");
    }
    return new Event(messageId != null ? messageId : RandomIds.uuid(), EventKind.of(type), timestamp,
        channel != null ? channel : "unknown", identifiers, properties, traits, text == null || text.isBlank() ? null : text);
  }

  private Instant timestamp(JsonObject json, String path) {
    String raw = optionalString(json, "timestamp", path);
    Instant now = clock.instant();
    if (raw == null) {
      return now;
    }
    Instant ts;
    try {
      ts = OffsetDateTime.parse(raw).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid("timestamp must be ISO-8601 with an offset, e.g. 2026-11-23T10:00:00Z", path + "timestamp");
    }
    if (ts.isAfter(now.plus(MAX_FUTURE))) {
      throw invalid("timestamp is more than a day in the future", path + "timestamp");
    }
    return ts;
  }

  private Map<String, String> identifiers(JsonObject json, String path) {
    Object raw = json.getValue("identifiers");
    if (raw == null) {
      throw invalid("identifiers are required, with at least one of profileId, anonymousId, userId", path + "identifiers");
    }
    if (!(raw instanceof JsonObject ids)) {
      throw invalid("identifiers must be an object", path + "identifiers");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : ids.fieldNames()) {
      String field = path + "identifiers." + key;
      if (!KEY.matcher(key).matches()) {
        throw invalid("identifier type must be 1-32 letters, digits or _", field);
      }
      Object value = ids.getValue(key);
      if (value == null) {
        continue;
      }
      if (!(value instanceof String s)) {
        throw invalid("identifier values must be strings", field);
      }
      String v = s.strip();
      if (v.isEmpty() || v.length() > MAX_ID_CHARS) {
        throw invalid("identifier must be 1-" + MAX_ID_CHARS + " characters", field);
      }
      out.put(key, v);
    }
    if (out.keySet().stream().noneMatch(PRIMARY_IDENTIFIERS::contains)) {
      throw invalid("identifiers need at least one of profileId, anonymousId, userId", path + "identifiers");
    }
    return out;
  }

  private Map<String, Object> object(JsonObject json, String field, String path) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return Map.of();
    }
    if (!(raw instanceof JsonObject obj)) {
      throw invalid(field + " must be an object", path + field);
    }
    if (obj.size() > MAX_PROPERTIES) {
      throw invalid(field + " may hold at most " + MAX_PROPERTIES + " keys", path + field);
    }
    for (String key : obj.fieldNames()) {
      if (key.isEmpty() || key.length() > MAX_KEY_CHARS) {
        throw invalid("keys must be 1-" + MAX_KEY_CHARS + " characters", path + field + "." + key);
      }
    }
    return JsonValues.plainMap(obj);
  }

  private static String requiredString(JsonObject json, String field, String path) {
    String value = optionalString(json, field, path);
    if (value == null || value.isBlank()) {
      throw invalid(field + " is required", path + field);
    }
    return value;
  }

  private static String optionalString(JsonObject json, String field, String path) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw invalid(field + " must be a string", path + field);
    }
    return s;
  }

  private static InvalidInputException invalid(String message, String field) {
    return new InvalidInputException("invalid_event", message, field);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
