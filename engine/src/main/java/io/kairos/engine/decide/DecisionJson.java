package io.kairos.engine.decide;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.json.JsonArray;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The JSON forms of a {@link Decision}, written with Jackson's streaming generator (a decision over
 * a large catalog lists hundreds of candidates and left-out offers, so no intermediate maps). The
 * decision log keeps everything; the answer to {@code POST /v1/decide} leaves out the candidates
 * (off-policy evaluation data) and, when the request asks for no explanation, the reasons and the
 * excluded offers.
 */
public final class DecisionJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

  /** The answer to the request and the decision log's record of it. */
  public record Forms(String response, String log) {}

  private DecisionJson() {}

  /**
   * Both forms. The log form is the explained answer with the candidates as its last field, so an
   * explained answer is written once and shared; only an unexplained one is written on its own.
   */
  public static Forms forms(Decision d, boolean explain) {
    StringWriter out = new StringWriter(1024);
    try (JsonGenerator g = MAPPER.createGenerator(out)) {
      writeAnswerFields(g, d, true);
      g.flush();
      String explained = out.toString();
      out.getBuffer().setLength(0);
      g.writeArrayFieldStart("candidates");
      for (DecisionCandidate c : d.candidates()) {
        g.writeStartObject();
        g.writeStringField("offerId", c.offerId());
        g.writeNumberField("acceptance", c.acceptance());
        g.writeNumberField("logitSd", c.logitSd());
        g.writeNumberField("multiplier", c.multiplier());
        g.writeNumberField("probability", c.probability());
        g.writeNumberField("firstProbability", c.firstProbability());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
      String log = explained + out;
      return new Forms(explain ? explained + "}" : answer(d, false), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The answer alone, without candidates; no reasons or excluded offers unless {@code explain}. */
  public static String answer(Decision d, boolean explain) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = MAPPER.createGenerator(out)) {
      writeAnswerFields(g, d, explain);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Opens the object and writes every field of the answer, leaving the object open. */
  private static void writeAnswerFields(JsonGenerator g, Decision d, boolean explain) throws IOException {
    g.writeStartObject();
    g.writeStringField("decisionId", d.decisionId());
    g.writeStringField("profileId", d.profileId());
    g.writeStringField("channel", d.channel());
    g.writeStringField("placement", d.placement());
    g.writeStringField("propensitySource", d.propensitySource());
    stringArray(g, "consent", d.consent());
    g.writeArrayFieldStart("offers");
    for (RankedOffer o : d.offers()) {
      offer(g, o, explain);
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
    g.writeArray(d.features(), 0, d.features().length);
    g.writeNumberField("offset", d.offset());
  }

  private static void offer(JsonGenerator g, RankedOffer o, boolean explain) throws IOException {
    g.writeStartObject();
    g.writeStringField("offerId", o.offerId());
    g.writeStringField("name", o.name());
    g.writeNumberField("score", o.score());
    g.writeNumberField("acceptance", o.acceptance());
    g.writeNumberField("propensity", o.propensity());
    g.writeNumberField("value", o.value());
    g.writeNumberField("probability", o.probability());
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
