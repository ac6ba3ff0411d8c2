package io.kairos.engine.decide;

import java.util.List;

/**
 * An offer chosen for a decision, with the figures and reasons behind its rank.
 *
 * @param score acceptance × value × weight, the figure offers are ranked by
 * @param acceptance P(accept) the policy ranked with (drawn from the offer's model when exploring)
 * @param propensity the person's purchase propensity (or the base rate), the acceptance model's starting point
 * @param probability estimated probability that the policy chooses this offer for this request
 * @param payloadJson the offer's creative payload, already JSON
 */
public record RankedOffer(String offerId, String name, double score, double acceptance, double propensity, double value,
    double probability, List<String> reasons, String payloadJson) {

  RankedOffer withProbability(double p) {
    return new RankedOffer(offerId, name, score, acceptance, propensity, value, p, reasons, payloadJson);
  }
}
