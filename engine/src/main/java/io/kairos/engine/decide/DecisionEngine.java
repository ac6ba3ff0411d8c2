package io.kairos.engine.decide;

import io.kairos.engine.identity.RandomIds;
import io.kairos.engine.profile.Consent;
import io.kairos.engine.profile.Profile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Ranks the catalog's eligible offers for one person by propensity × value × weight. Pure and
 * fast (no I/O, no inference: the propensity was computed at ingest), so it runs on the calling
 * thread. An unknown or not-yet-scored person gets the base rate, which ranks by value alone. A
 * person without personalization consent is decided for as if unknown; a channel whose marketing
 * consent the person has not given gets no offers (see {@link ConsentRules}).
 */
public final class DecisionEngine {

  private final Supplier<OfferCatalog> catalog;
  private final ConsentRules consent;

  public DecisionEngine(Supplier<OfferCatalog> catalog, ConsentRules consent) {
    this.catalog = catalog;
    this.consent = consent;
  }

  /**
   * @param profile the person's profile, or null when unknown
   * @param baseRate propensity to use without a score
   * @param modelLoaded whether a propensity model is serving (for the explanation)
   */
  public Decision decide(DecisionRequest request, Profile person, double baseRate, boolean modelLoaded, long now) {
    List<String> consentNotes = new ArrayList<>();
    Consent personalization = consent.effective(person, ConsentRules.PERSONALIZATION);
    Profile profile = person;
    if (person != null && !personalization.granted()) {
      profile = null;
      consentNotes.add(ConsentRules.describe(ConsentRules.PERSONALIZATION, personalization)
          + ": the profile was not used; offers are non-personalized");
    }
    String channelPurpose = consent.purposeForChannel(request.channel());
    Consent channelConsent = channelPurpose == null ? null : consent.effective(person, channelPurpose);
    if (channelConsent != null && !channelConsent.granted()) {
      consentNotes.add(ConsentRules.describe(channelPurpose, channelConsent) + ": no offers on " + request.channel());
    }
    double propensity;
    String source;
    if (profile != null && profile.propensity().isScored()) {
      propensity = profile.propensity().score();
      source = "model " + profile.propensity().modelVersion()
          + (profile.propensity().drivers() == null ? "" : "; drivers: " + profile.propensity().drivers());
    } else {
      propensity = baseRate;
      source = person != null && profile == null ? "base rate: no personalization consent, non-personalized"
          : profile == null ? "base rate: unknown person, non-personalized"
          : modelLoaded ? "base rate: profile not scored yet" : "base rate: no propensity model loaded";
    }
    Map<String, Object> activation = new HashMap<>();
    activation.put("profile", ProfileActivation.of(profile, propensity, consent.granted(profile == null ? null : person), now));
    activation.put("context", request.context());
    activation.put("channel", request.channel());
    activation.put("placement", request.placement() == null ? "" : request.placement());

    List<RankedOffer> eligible = new ArrayList<>();
    List<ExcludedOffer> excluded = new ArrayList<>();
    Map<String, Offer> byId = new HashMap<>();
    for (Offer offer : catalog.get().offers()) {
      byId.put(offer.id(), offer);
      if (!offer.channels().contains(request.channel())) {
        excluded.add(new ExcludedOffer(offer.id(), "not offered on channel " + request.channel()));
        continue;
      }
      if (request.placement() != null && !offer.placements().isEmpty() && !offer.placements().contains(request.placement())) {
        excluded.add(new ExcludedOffer(offer.id(), "not offered in placement " + request.placement()));
        continue;
      }
      if (offer.startsAt() != null && now < offer.startsAt().toEpochMilli()) {
        excluded.add(new ExcludedOffer(offer.id(), "not active yet: starts " + offer.startsAt()));
        continue;
      }
      if (offer.endsAt() != null && now >= offer.endsAt().toEpochMilli()) {
        excluded.add(new ExcludedOffer(offer.id(), "no longer active: ended " + offer.endsAt()));
        continue;
      }
      if (channelConsent != null && !channelConsent.granted()) {
        excluded.add(new ExcludedOffer(offer.id(), "consent: " + ConsentRules.describe(channelPurpose, channelConsent)));
        continue;
      }
      List<String> reasons = new ArrayList<>();
      String failed = null;
      for (OfferCondition condition : offer.conditions()) {
        try {
          if (condition.test(activation)) {
            reasons.add("condition held: " + condition.source());
          } else {
            failed = "condition not met: " + condition.source();
            break;
          }
        } catch (Exception e) {
          failed = "condition could not be evaluated: " + condition.source() + " (" + e.getMessage() + ")";
          break;
        }
      }
      if (failed != null) {
        excluded.add(new ExcludedOffer(offer.id(), failed));
        continue;
      }
      if (offer.conditions().isEmpty()) {
        reasons.add("no conditions: offered to everyone on " + request.channel());
      }
      double score = propensity * offer.value() * offer.weight();
      StringBuilder reason = FixedDecimals.append(new StringBuilder(96).append("propensity "), propensity, 3)
          .append(" (").append(source).append(") × value ");
      FixedDecimals.append(reason, offer.value(), 2);
      if (offer.weight() != 1.0) {
        FixedDecimals.append(reason.append(" × weight "), offer.weight(), 2);
      }
      reasons.add(FixedDecimals.append(reason.append(" = score "), score, 4).toString());
      eligible.add(new RankedOffer(offer.id(), offer.name(), score, propensity, offer.value(), reasons, offer.payload()));
    }
    eligible.sort(Comparator.comparingDouble(RankedOffer::score).reversed().thenComparing(RankedOffer::offerId));
    Arbitration.Result arbitration = Arbitration.choose(eligible, byId, request.limit());
    excluded.addAll(arbitration.leftOut());
    return new Decision(RandomIds.uuid(), person == null ? null : person.profileId(), request.channel(),
        request.placement(), now, source, List.copyOf(consentNotes), List.copyOf(arbitration.chosen()), List.copyOf(excluded));
  }
}
