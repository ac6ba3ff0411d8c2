package io.kairos.engine.decide;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.json.JsonArray;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON forms of a {@link Decision}, written with Jackson's streaming generator (a decision over
 * a large catalog lists hundreds of candidates and left-out offers; building maps first cost more
 * than deciding). The decision log keeps everything; the answer to {@code POST /v1/decide} leaves
 * out the candidates (off-policy evaluation data) and, when the request asks for no explanation,
 * the reasons and the excluded offers.
 */
public final class DecisionJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

  private DecisionJson() {}

  /** Everything: what the decision log stores and {@code policy evaluate} reads. */
  public static String log(Decision d) {
    return write(d, true, true);
  }

  /** The answer to the request: no candidates; no reasons or excluded offers unless {@code explain}. */
  public static String response(Decision d, boolean explain) {
    return write(d, explain, false);
  }

  private static String write(Decision d, boolean explain, boolean candidates) {
    SegmentedStringWriter out = new SegmentedStringWriter(MAPPER.getFactory()._getBufferRecycler());
    try {
      JsonGenerator g = MAPPER.createGenerator(out);
      g.writeStartObject();
      g.writeStringField("decisionId", d.decisionId());
      g.writeStringField("profileId", d.profileId());
      g.writeStringField("channel", d.channel());
      g.writeStringField("placement", d.placement());
      g.writeStringField("propensitySource", d.propensitySource());
      g.writeArrayFieldStart("consent");
      for (String c : d.consent()) {
        g.writeString(c);
      }
      g.writeEndArray();
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
      if (candidates) {
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
      }
      g.writeEndObject();
      g.close();
      return out.getAndClear();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
      g.writeArrayFieldStart("reasons");
      for (String r : o.reasons()) {
        g.writeString(r);
      }
      g.writeEndArray();
    }
    g.writeFieldName("payload");
    MAPPER.writeValue(g, o.payload());
    g.writeEndObject();
  }

  static JsonArray features(double[] x) {
    JsonArray a = new JsonArray();
    for (double v : x) {
      a.add(v);
    }
    return a;
  }
}
