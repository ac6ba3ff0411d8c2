package io.kairos.engine.decide;

import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.contact.ContactCheck;
import io.kairos.engine.contact.ContactHistory;
import io.kairos.engine.contact.ContactPolicy;
import io.kairos.engine.identity.RandomIds;
import io.kairos.engine.learn.OfferModel;
import io.kairos.engine.profile.Consent;
import io.kairos.engine.profile.Profile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Ranks the catalog's eligible offers for one person by P(accept) × value × weight, where P comes
 * from each offer's learned acceptance model (which starts at the person's purchase propensity and
 * learns from feedback), drawn by Thompson sampling when exploring; see {@link ThompsonChoice}. No
 * I/O and no inference (the propensity was computed at ingest), so it runs on the calling thread.
 * An unknown or not-yet-scored person gets the base rate. A
 * person without personalization consent is decided for as if unknown; a channel whose marketing
 * consent the person has not given gets no offers (see {@link ConsentRules}).
 */
public final class DecisionEngine {

  private final Supplier<OfferCatalog> catalog;
  private final ConsentRules consent;
  private final DecidePolicy policy;

  public DecisionEngine(Supplier<OfferCatalog> catalog, ConsentRules consent, DecidePolicy policy) {
    this.catalog = catalog;
    this.consent = consent;
    this.policy = policy;
  }

  /**
   * @param profile the person's profile, or null when unknown
   * @param baseRate propensity to use without a score
   * @param modelLoaded whether a propensity model is serving (for the explanation)
   */
  public Decision decide(DecisionRequest request, Profile person, double baseRate, boolean modelLoaded, long now) {
    return decide(request, person, ContactHistory.EMPTY, baseRate, modelLoaded, now);
  }

  /** @param contacts what the person was offered recently and how they answered (contact policies) */
  public Decision decide(DecisionRequest request, Profile person, ContactHistory contacts, double baseRate, boolean modelLoaded,
      long now) {
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
    Map<String, Object> variables = new HashMap<>();
    variables.put("profile", ProfileActivation.of(profile, propensity, consent.granted(profile == null ? null : person), now));
    variables.put("context", request.context());
    variables.put("channel", request.channel());
    variables.put("placement", request.placement() == null ? "" : request.placement());
    Map<String, Object> activation = OfferCondition.activation(variables);
    // One evaluation per distinct condition: offers often share a rule (a segment, a consent or channel check).
    Map<String, Object> verdicts = new HashMap<>();

    List<Eligible> passed = new ArrayList<>();
    List<ExcludedOffer> excluded = new ArrayList<>();
    OfferCatalog offers = catalog.get();
    ContactPolicy contactPolicy = offers.contactPolicy();
    int remainingToday = ContactCheck.remainingToday(contactPolicy, contacts, now);
    int limit = Math.min(request.limit(), remainingToday);
    for (Offer offer : offers.offers()) {
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
        Object verdict = verdicts.computeIfAbsent(condition.source(), key -> verdict(condition, activation));
        if (verdict == Boolean.TRUE) {
          reasons.add(condition.heldReason());
        } else {
          failed = verdict == Boolean.FALSE ? condition.notMetReason() : (String) verdict;
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
      String suppressed = ContactCheck.suppressed(offer.id(), offer.group(), offer.contact(), request.channel(), contactPolicy, contacts,
          person == null ? 0 : person.lastPurchaseAt(), now);
      if (suppressed != null) {
        excluded.add(new ExcludedOffer(offer.id(), suppressed));
        continue;
      }
      if (remainingToday == 0) {
        excluded.add(new ExcludedOffer(offer.id(), "contact policy: the person already got the daily maximum of "
            + contactPolicy.maxPerDay() + " offers in the last 24 h"));
        continue;
      }
      passed.add(new Eligible(offer, reasons));
    }
    passed.sort(Comparator.comparing(e -> e.offer().id()));
    List<Offer> eligible = new ArrayList<>(passed.size());
    List<String> eligibleIds = new ArrayList<>(passed.size());
    for (Eligible e : passed) {
      eligible.add(e.offer());
      eligibleIds.add(e.offer().id());
    }
    double[] x = policy.features().of(activation);
    double offset = policy.offset(propensity);
    ThompsonChoice.Candidate[] candidates = new ThompsonChoice.Candidate[eligible.size()];
    OfferModel[] models = new OfferModel[eligible.size()];
    for (int i = 0; i < candidates.length; i++) {
      Offer o = eligible.get(i);
      models[i] = policy.learner().model(o.id());
      candidates[i] = new ThompsonChoice.Candidate(o, offset + models[i].logitMean(x), Math.sqrt(models[i].logitVariance(x)),
          o.value() * o.weight());
    }
    KairosConfig.Learning settings = policy.settings();
    String startsFrom = "propensity".equals(settings.baseline())
        ? FixedDecimals.append(new StringBuilder("propensity "), propensity, 3).append(" (").append(source).append(')').toString()
        : FixedDecimals.append(new StringBuilder("the prior acceptance rate "), settings.priorAcceptRate(), 3).toString();
    ThompsonChoice.Result choice = ThompsonChoice.draw(candidates, Math.max(1, limit), settings.explore(), settings.controlShare(),
        settings.choiceDraws(), policy.random().get());
    List<RankedOffer> ranked = new ArrayList<>(candidates.length);
    List<Offer> rankedOffers = new ArrayList<>(candidates.length);
    boolean control = "control".equals(choice.policy());
    for (int i : choice.order()) {
      Offer o = eligible.get(i);
      double acceptance = choice.acceptance()[i];
      double score = control ? 0 : acceptance * o.value() * o.weight();
      ranked.add(new RankedOffer(o.id(), o.name(), score, acceptance, propensity, o.value(), choice.probability()[i],
          passed.get(i).reasons(), offers.payloadJson(o.id())));
      rankedOffers.add(o);
    }
    Arbitration.Result arbitration = Arbitration.choose(ranked, rankedOffers, limit);
    excluded.addAll(arbitration.leftOut());
    for (RankedOffer r : arbitration.chosen()) {
      int i = Collections.binarySearch(eligibleIds, r.offerId());
      r.reasons().add(AcceptanceReasons.describe(choice.policy(), r.acceptance(), candidates[i], models[i], startsFrom, eligible.get(i),
          r.score()));
    }
    List<DecisionCandidate> logged = new ArrayList<>(candidates.length);
    for (int i = 0; i < candidates.length; i++) {
      logged.add(new DecisionCandidate(eligible.get(i).id(), OfferModel.sigmoid(candidates[i].logitMean()), candidates[i].logitSd(),
          candidates[i].multiplier(), choice.probability()[i], choice.firstProbability()[i]));
    }
    return new Decision(RandomIds.timeOrdered(now), person == null ? null : person.profileId(), request.channel(),
        request.placement(), now, source, List.copyOf(consentNotes), List.copyOf(arbitration.chosen()), List.copyOf(excluded),
        choice.policy(), x, offset, logged);
  }

  /** {@code TRUE}, {@code FALSE}, or why the condition could not be evaluated. */
  private static Object verdict(OfferCondition condition, Map<String, Object> activation) {
    try {
      return condition.test(activation);
    } catch (Exception e) {
      return "condition could not be evaluated: " + condition.source() + " (" + e.getMessage() + ")";
    }
  }

  /** An offer that passed every rule, with the conditions that held. */
  private record Eligible(Offer offer, List<String> reasons) {}
}
