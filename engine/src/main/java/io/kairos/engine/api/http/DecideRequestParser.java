package io.kairos.engine.api.http;

import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.decide.DecisionRequest;
import io.kairos.engine.error.InvalidInputException;
import io.kairos.engine.ingest.JsonValues;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and validates the bodies of {@code POST /v1/decide}, {@code POST /v1/feedback} and
 * {@code PUT /v1/profiles/{id}/consents}.
 */
public final class DecideRequestParser {

  static final Set<String> DECIDE_FIELDS = Set.of("profileId", "identifiers", "channel", "placement", "context", "limit",
      "explain");
  static final Set<String> FEEDBACK_FIELDS = Set.of("decisionId", "offerId", "outcome", "revenue", "timestamp");
  static final Set<String> CONSENT_FIELDS = Set.of("consents", "source");
  static final Set<String> OUTCOMES = Set.of("impression", "click", "accept", "reject", "convert", "dismiss");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  private final KairosConfig.Decide limits;
  private final int maxIdentifiers;

  public DecideRequestParser(KairosConfig.Decide limits, int maxIdentifiers) {
    this.limits = limits;
    this.maxIdentifiers = maxIdentifiers;
  }

  public DecisionRequest decide(Buffer body) {
    JsonObject json = object(body, DECIDE_FIELDS);
    String profileId = string(json, "profileId");
    Map<String, String> identifiers = new LinkedHashMap<>();
    Object ids = json.getValue("identifiers");
    if (ids != null) {
      if (!(ids instanceof JsonObject idObject)) {
        throw invalid("identifiers must be an object", "identifiers");
      }
      if (idObject.size() > maxIdentifiers) {
        throw new InvalidInputException("too_many_identifiers",
            idObject.size() + " identifiers; the limit is " + maxIdentifiers, "identifiers");
      }
      for (Map.Entry<String, Object> e : idObject) {
        if (!(e.getValue() instanceof String s) || s.isBlank()) {
          throw invalid("identifier values must be non-empty strings", "identifiers." + e.getKey());
        }
        identifiers.put(e.getKey(), s);
      }
    }
    if (profileId == null && identifiers.isEmpty()) {
      throw invalid("profileId or identifiers is required", "profileId");
    }
    String channel = string(json, "channel");
    if (channel == null || !NAME.matcher(channel).matches()) {
      throw invalid("channel is required (for example web, email, call_center)", "channel");
    }
    String placement = string(json, "placement");
    Object context = json.getValue("context");
    if (context != null && !(context instanceof JsonObject)) {
      throw invalid("context must be an object", "context");
    }
    int limit = limits.defaultLimit();
    Object rawLimit = json.getValue("limit");
    if (rawLimit != null) {
      if (!(rawLimit instanceof Integer || rawLimit instanceof Long) || ((Number) rawLimit).longValue() < 1
          || ((Number) rawLimit).longValue() > limits.maxLimit()) {
        throw invalid("limit must be an integer from 1 to " + limits.maxLimit(), "limit");
      }
      limit = ((Number) rawLimit).intValue();
    }
    Object explain = json.getValue("explain", Boolean.TRUE);
    if (!(explain instanceof Boolean)) {
      throw invalid("explain must be true or false", "explain");
    }
    return new DecisionRequest(profileId, identifiers, channel, placement,
        context == null ? Map.of() : JsonValues.plainMap((JsonObject) context), limit, (Boolean) explain);
  }

  /** Validates a feedback body and returns it. */
  public JsonObject feedback(Buffer body) {
    JsonObject json = object(body, FEEDBACK_FIELDS);
    for (String field : new String[] {"decisionId", "offerId", "outcome"}) {
      String v = string(json, field);
      if (v == null || v.isBlank()) {
        throw invalid(field + " is required", field);
      }
    }
    if (!OUTCOMES.contains(json.getString("outcome"))) {
      throw invalid("outcome must be one of " + OUTCOMES.stream().sorted().toList(), "outcome");
    }
    Object revenue = json.getValue("revenue");
    if (revenue != null && (!(revenue instanceof Number n) || n.doubleValue() < 0)) {
      throw invalid("revenue must be a non-negative number", "revenue");
    }
    string(json, "timestamp");
    return json;
  }

  /**
   * A consent body ({@code {"consents": {"marketing_email": "denied"}, "source": "call_center"}}) as
   * the event that records it; the event parser then checks purposes and statuses.
   */
  public JsonObject consentEvent(String profileId, Buffer body) {
    JsonObject json = object(body, CONSENT_FIELDS);
    if (!(json.getValue("consents") instanceof JsonObject consents) || consents.isEmpty()) {
      throw invalid("consents is required: an object of purpose to granted or denied", "consents");
    }
    String source = string(json, "source");
    if (source != null && !NAME.matcher(source).matches()) {
      throw invalid("source must be lower_snake_case, 1-64 characters (for example call_center)", "source");
    }
    return new JsonObject().put("type", "consent_update").put("channel", source == null ? "api" : source)
        .put("identifiers", new JsonObject().put("profileId", profileId)).put("consents", consents);
  }

  private static JsonObject object(Buffer body, Set<String> allowed) {
    if (body == null || body.length() == 0) {
      throw new InvalidInputException("invalid_json", "request body is empty", null);
    }
    Object root;
    try {
      root = Json.decodeValue(body);
    } catch (DecodeException e) {
      throw new InvalidInputException("invalid_json", "request body is not valid JSON", null);
    }
    if (!(root instanceof JsonObject json)) {
      throw new InvalidInputException("invalid_json", "request body must be a JSON object", null);
    }
    for (String f : json.fieldNames()) {
      if (!allowed.contains(f)) {
        throw invalid("unknown field; allowed: " + allowed.stream().sorted().toList(), f);
      }
    }
    return json;
  }

  private static String string(JsonObject json, String field) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw invalid(field + " must be a string", field);
    }
    return s;
  }

  private static InvalidInputException invalid(String message, String field) {
    return new InvalidInputException("invalid_request", message, field);
  }
}
