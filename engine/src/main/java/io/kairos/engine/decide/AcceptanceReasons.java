package io.kairos.engine.decide;

import io.kairos.engine.learn.OfferModel;

/** The reason line that says where an offer's P(accept) and score came from, for agents and marketers. */
final class AcceptanceReasons {

  private AcceptanceReasons() {}

  static String describe(String policy, double acceptance, ThompsonChoice.Candidate candidate, OfferModel model,
      String startsFrom, Offer offer, double score) {
    StringBuilder r = new StringBuilder(160);
    if ("control".equals(policy)) {
      r.append("control group: offers ranked in random order; P(accept) ");
      return FixedDecimals.append(r, acceptance, 3).toString();
    }
    FixedDecimals.append(r.append("P(accept) "), acceptance, 3);
    if ("thompson".equals(policy)) {
      FixedDecimals.append(r.append(" (drawn from the offer's model, mean "), OfferModel.sigmoid(candidate.logitMean()), 3);
    } else {
      r.append(" (the offer's model, mean");
    }
    if (model.observations() == 0) {
      r.append("; no feedback yet");
    } else {
      r.append("; learned from ").append(model.observations()).append(" outcomes, ").append(model.positives()).append(" positive");
    }
    r.append("; starts from ").append(startsFrom).append(')');
    FixedDecimals.append(r.append(" × value "), offer.value(), 2);
    if (offer.weight() != 1.0) {
      FixedDecimals.append(r.append(" × weight "), offer.weight(), 2);
    }
    return FixedDecimals.append(r.append(" = score "), score, 4).toString();
  }
}
