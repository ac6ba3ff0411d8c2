package io.kairos.engine.decide;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.json.JsonArray;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The JSON forms of a {@link Decision}, written with Jackson's streaming generator (a decision over
 * a large catalog lists hundreds of left-out offers, so no intermediate maps). The decision log
 * keeps the explained answer and, beside it, the candidates (off-policy evaluation data, packed by
 * {@link LoggedCandidates}); the answer to {@code POST /v1/decide} leaves out the reasons and the
 * excluded offers when the request asks for no explanation.
 */
public final class DecisionJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
      .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

  /**
   * The answer to the request and the decision log's record of it: the answer and the record as
   * UTF-8 JSON (to the socket and to SQLite without ever being a {@code String}; a 200-offer record
   * is about 17 KB), and the candidates packed.
   */
  public record Forms(byte[] response, byte[] log, byte[] candidates) {}

  /** One output buffer per worker thread, reset for each decision, so only the final copies allocate. */
  private static final ThreadLocal<ByteArrayBuilder> BUFFERS = ThreadLocal.withInitial(() -> new ByteArrayBuilder(16_384));

  private DecisionJson() {}

  /**
   * Both forms. The log's record is the explained answer, so an explained answer is written once
   * and shared; only an unexplained one is written on its own.
   */
  public static Forms forms(Decision d, boolean explain) {
    ByteArrayBuilder out = BUFFERS.get();
    JsonDecimals numbers = new JsonDecimals();
    byte[] candidates = LoggedCandidates.pack(d.candidates());
    byte[] log = write(out, d, true, numbers);
    return new Forms(explain ? log : write(out, d, false, numbers), log, candidates);
  }

  private static byte[] write(ByteArrayBuilder out, Decision d, boolean explain, JsonDecimals numbers) {
    out.reset();
    try (JsonGenerator g = MAPPER.createGenerator(out)) {
      writeAnswerFields(g, d, explain, numbers);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Opens the object and writes every field of the answer, leaving the object open. */
  private static void writeAnswerFields(JsonGenerator g, Decision d, boolean explain, JsonDecimals numbers) throws IOException {
    g.writeStartObject();
    g.writeStringField("decisionId", d.decisionId());
    g.writeStringField("profileId", d.profileId());
    g.writeStringField("channel", d.channel());
    g.writeStringField("placement", d.placement());
    g.writeStringField("propensitySource", d.propensitySource());
    stringArray(g, "consent", d.consent());
    g.writeArrayFieldStart("offers");
    for (RankedOffer o : d.offers()) {
      offer(g, o, explain, numbers);
    }
    g.writeEndArray();
    if (explain) {
      g.writeArrayFieldStart("excluded");
      for (ExcludedOffer e : d.excluded()) {
        g.writeStartObject();
        g.writeStringField("offerId", e.offerId());
        g.writeStringField("reason", e.reason());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeStringField("policy", d.policy());
    g.writeFieldName("features");
    g.writeStartArray();
    for (double x : d.features()) {
      numbers.write(g, x);
    }
    g.writeEndArray();
    number(g, numbers, "offset", d.offset());
  }

  private static void offer(JsonGenerator g, RankedOffer o, boolean explain, JsonDecimals numbers) throws IOException {
    g.writeStartObject();
    g.writeStringField("offerId", o.offerId());
    g.writeStringField("name", o.name());
    number(g, numbers, "score", o.score());
    number(g, numbers, "acceptance", o.acceptance());
    number(g, numbers, "propensity", o.propensity());
    number(g, numbers, "value", o.value());
    number(g, numbers, "probability", o.probability());
    if (explain) {
      stringArray(g, "reasons", o.reasons());
    }
    g.writeFieldName("payload");
    g.writeRawValue(o.payloadJson());
    g.writeEndObject();
  }

  /** A payload as JSON, for {@link OfferCatalog} to encode each offer's once. */
  static String payload(Map<String, Object> payload) {
    try {
      return MAPPER.writeValueAsString(payload);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void number(JsonGenerator g, JsonDecimals numbers, String field, double value) throws IOException {
    g.writeFieldName(field);
    numbers.write(g, value);
  }

  private static void stringArray(JsonGenerator g, String field, Iterable<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  static JsonArray features(double[] x) {
    JsonArray a = new JsonArray();
    for (double v : x) {
      a.add(v);
    }
    return a;
  }
}
