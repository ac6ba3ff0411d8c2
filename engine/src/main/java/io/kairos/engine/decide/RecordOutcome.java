package io.kairos.engine.decide;

import com.hazelcast.map.EntryProcessor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Records one feedback outcome on a remembered decision (its JSON summary in the grid) and says
 * what to do with it, atomically, so concurrent or repeated feedback is applied once:
 * {@code unknown_decision}, {@code unknown_offer}, {@code duplicate} (this offer already has this
 * outcome), {@code recorded} (log it), or {@code learn} (log it and teach the offer's model: the
 * first learning outcome for this offer in this decision). Pure apart from the entry.
 *
 * @param learning whether the outcome is one the models learn from (positive or negative)
 */
public record RecordOutcome(String offerId, String outcome, boolean learning) implements EntryProcessor<String, String, RecordOutcome.Claim> {

  /** What to do with the outcome, and the decision summary it applies to (null when unknown). */
  public record Claim(String status, String summary) implements java.io.Serializable {}

  @Override
  public Claim process(Map.Entry<String, String> entry) {
    if (entry.getValue() == null) {
      return new Claim("unknown_decision", null);
    }
    JsonObject summary = new JsonObject(entry.getValue());
    if (!summary.getJsonArray("offers").contains(offerId)) {
      return new Claim("unknown_offer", entry.getValue());
    }
    JsonArray outcomes = summary.getJsonArray("outcomes", new JsonArray());
    String key = offerId + "|" + outcome;
    if (outcomes.contains(key)) {
      return new Claim("duplicate", entry.getValue());
    }
    outcomes.add(key);
    summary.put("outcomes", outcomes);
    String result = "recorded";
    if (learning) {
      JsonArray learned = summary.getJsonArray("learned", new JsonArray());
      if (!learned.contains(offerId)) {
        learned.add(offerId);
        summary.put("learned", learned);
        result = "learn";
      }
    }
    String encoded = summary.encode();
    entry.setValue(encoded);
    return new Claim(result, encoded);
  }
}
