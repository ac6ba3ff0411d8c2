package io.kairos.engine.ingest;

import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.identity.Identifier;
import io.kairos.engine.identity.IdentifierCleaner;
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
      Set.of("type", "messageId", "timestamp", "channel", "identifiers", "properties", "traits", "consents", "text");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");
  private static final int MAX_ID_CHARS = 256;
  private static final int MAX_PROPERTIES = 100;
  private static final int MAX_KEY_CHARS = 128;
  private static final Duration MAX_FUTURE = Duration.ofDays(1);

  private final int maxBatchEvents;
  private final int maxTextChars;
  private final int maxIdentifiers;
  private final IdentifierCleaner cleaner;
  private final TraitCleaner traitCleaner;
  private final Set<String> purposes;
  private final Clock clock;

  public EventParser(KairosConfig config, IdentifierCleaner cleaner, Clock clock) {
    this.maxBatchEvents = config.server().maxBatchEvents();
    this.maxTextChars = config.server().maxTextChars();
    this.maxIdentifiers = config.identity().maxIdentifiersPerEvent();
    this.cleaner = cleaner;
    this.traitCleaner = new TraitCleaner(config.traits());
    this.purposes = config.consent().defaults().keySet();
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
    Map<String, String> identifiers = new LinkedHashMap<>();
    Map<String, String> invalidIdentifiers = new LinkedHashMap<>();
    identifiers(json, path, identifiers, invalidIdentifiers);
    Map<String, String> consents = consents(json, path);
    Map<String, Object> properties = object(json, "properties", path);
    Map<String, Object> traits = traitCleaner.clean(object(json, "traits", path), path + "traits");
    String text = optionalString(json, "text", path);
    if (text != null && text.length() > maxTextChars) {
      throw new PayloadTooLargeException("text_too_large",
          "text has " + text.length() + " characters; the limit is " + maxTextChars, path + "text");
    }
    return new Event(messageId, EventKind.of(type), timestamp, channel != null ? channel : "unknown", identifiers,
        invalidIdentifiers, properties, traits, consents, text == null || text.isBlank() ? null : text);
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

  /**
   * Cleans every identifier into {@code valid} or {@code invalid}. Unknown types, non-strings, empty
   * or oversized values and more than the configured number of identifiers are refused; an e-mail
   * or phone that fails validation is kept in {@code invalid}. At least one must be valid.
   */
  private void identifiers(JsonObject json, String path, Map<String, String> valid, Map<String, String> invalid) {
    Object raw = json.getValue("identifiers");
    if (raw == null) {
      throw invalid("identifiers are required: an object of type to value, types " + cleaner.types(), path + "identifiers");
    }
    if (!(raw instanceof JsonObject ids)) {
      throw invalid("identifiers must be an object", path + "identifiers");
    }
    if (ids.size() > maxIdentifiers) {
      throw new InvalidInputException("too_many_identifiers",
          ids.size() + " identifiers on one event; the limit is " + maxIdentifiers, path + "identifiers");
    }
    for (String key : ids.fieldNames()) {
      String field = path + "identifiers." + key;
      if (!cleaner.knows(key)) {
        throw new InvalidInputException("unknown_identifier_type",
            "unknown identifier type; known types are " + cleaner.types() + " (custom types are declared in identity.customTypes)", field);
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
      for (int i = 0; i < v.length(); i++) {
        if (Character.isISOControl(v.charAt(i))) {
          throw invalid("identifier values must not contain control characters", field);
        }
      }
      Identifier id = cleaner.clean(key, v);
      (id.valid() ? valid : invalid).put(key, id.value());
    }
    if (valid.isEmpty()) {
      throw new InvalidInputException("no_valid_identifier", invalid.isEmpty() ? "identifiers must hold at least one identifier"
          : "no valid identifier: " + invalid.keySet() + " failed validation and invalid values are never used to find a person",
          path + "identifiers");
    }
  }

  private Map<String, String> consents(JsonObject json, String path) {
    Object raw = json.getValue("consents");
    if (raw == null) {
      return Map.of();
    }
    if (!(raw instanceof JsonObject given)) {
      throw invalid("consents must be an object of purpose to granted or denied", path + "consents");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String purpose : given.fieldNames()) {
      String field = path + "consents." + purpose;
      if (!purposes.contains(purpose)) {
        throw new InvalidInputException("unknown_consent_purpose", "unknown purpose; known purposes are "
            + purposes.stream().sorted().toList(), field);
      }
      Object status = given.getValue(purpose);
      if (!"granted".equals(status) && !"denied".equals(status)) {
        throw invalid("consent must be \"granted\" or \"denied\"", field);
      }
      out.put(purpose, (String) status);
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
