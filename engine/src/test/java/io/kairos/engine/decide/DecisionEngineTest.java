package io.kairos.engine.decide;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairos.engine.TestEngines;
import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.profile.Consent;
import io.kairos.engine.profile.Profile;
import io.kairos.engine.profile.ProfileChange;
import io.kairos.engine.profile.ProfileRules;
import io.kairos.engine.profile.ProfileUpdater;
import io.kairos.engine.profile.PropensityState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import io.kairos.engine.learn.OfferLearner;
import io.kairos.engine.store.OfferModelLog;
import org.junit.jupiter.api.Test;

class DecisionEngineTest {

  static OfferCondition cond(String source) {
    try {
      return OfferCondition.compile(source);
    } catch (OfferCondition.InvalidConditionException e) {
      throw new AssertionError(e);
    }
  }

  final OfferCatalog catalog = new OfferCatalog(List.of(
      new Offer("cart", "Cart saver", List.of("web"), List.of("cart"), List.of(cond("profile.cartValue > 0")), 40, 1, Map.of("code", "C10")),
      new Offer("vip", "VIP", List.of("web", "call_center"), List.of(), List.of(cond("profile.purchaseCount >= 3")), 60, 1, Map.of()),
      new Offer("sorry", "Apology", List.of("call_center"), List.of(), List.of(cond("profile.sentiment.average < -0.2")), 80, 1.5, Map.of()),
      new Offer("vip-ctx", "Context", List.of("web"), List.of(), List.of(cond("context.tier == 'gold'")), 1000, 1, Map.of()),
      new Offer("best", "Bestsellers", List.of("web", "call_center"), List.of(), List.of(), 5, 1, Map.of())));
  static final KairosConfig.ConsentPolicy POLICY = TestEngines.config(Path.of("target/unused"), Map.of()).consent();
  static final KairosConfig.Learning GREEDY = TestEngines.config(Path.of("target/unused"), Map.of()).learning();
  final DecisionEngine engine = engine(catalog);

  /** A decision engine over the catalog whose offer models are all at their prior, ranked without exploration. */
  static DecisionEngine engine(OfferCatalog c) {
    LearningFeatures features = LearningFeatures.compile(GREEDY.features());
    OfferLearner priors = OfferLearner.open(new NoStoredModels(), features.sources(), GREEDY.priorVariance());
    return new DecisionEngine(() -> c, new ConsentRules(POLICY), new DecidePolicy(priors, features, GREEDY));
  }

  /** An empty model store for pure ranking tests (learning itself is tested against SQLite in OfferLearnerTest and LearningJourneyTest). */
  static final class NoStoredModels implements OfferModelLog {
    @Override
    public CompletableFuture<Void> save(String offerId, StoredModel model) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public Map<String, StoredModel> all() {
      return Map.of();
    }

    @Override
    public List<Unlearning> pendingUnlearning() {
      return List.of();
    }

    @Override
    public CompletableFuture<Void> unlearned(String offerId, StoredModel model, long seq) {
      return CompletableFuture.completedFuture(null);
    }
  }

  static Profile withCart(double propensity) {
    ProfileChange add = new ProfileChange("add_to_cart", ProfileChange.PRODUCT_RELATED, 1000, "web", List.of("userId:u"), "sku",
        1, 30, -1, 30, Map.of(), null, null, 0, null, List.of(), Map.of());
    return ProfileUpdater.apply(Profile.empty("p1"), add, new ProfileRules(5, 1_800_000))
        .withPropensity(new PropensityState(propensity, "propensity@v1", 1000, 1));
  }

  @Test
  void ranksEligibleOffersByPropensityTimesValueAndExplains() {
    Decision d = engine.decide(new DecisionRequest("p1", null, "web", "cart", Map.of(), 3), withCart(0.5), 0.15, true, 0);
    assertThat(d.offers()).extracting(RankedOffer::offerId).containsExactly("cart", "best");
    RankedOffer cart = d.offers().get(0);
    assertThat(cart.score()).isEqualTo(0.5 * 40);
    assertThat(cart.propensity()).isEqualTo(0.5);
    assertThat(cart.reasons()).anyMatch(r -> r.contains("condition held: profile.cartValue > 0"))
        .anyMatch(r -> r.contains("propensity@v1"));
    assertThat(new io.vertx.core.json.JsonObject(cart.payloadJson()).getString("code")).isEqualTo("C10");
    assertThat(d.excluded()).extracting(ExcludedOffer::offerId).contains("vip", "sorry", "vip-ctx");
    assertThat(d.excluded()).filteredOn(e -> e.offerId().equals("vip-ctx")).first()
        .extracting(ExcludedOffer::reason).asString().contains("could not be evaluated");
  }

  /** Offers sharing a condition share its one evaluation per decision, and each still explains itself with it. */
  @Test
  void aSharedConditionGivesEveryOfferTheSameVerdictAndReason() {
    OfferCatalog shared = new OfferCatalog(List.of(
        new Offer("a", "A", List.of("web"), List.of(), List.of(cond("profile.cartValue > 0"), cond("context.tier == 'gold'")), 10, 1, Map.of()),
        new Offer("b", "B", List.of("web"), List.of(), List.of(cond("profile.cartValue > 0"), cond("context.tier == 'gold'")), 20, 1, Map.of()),
        new Offer("c", "C", List.of("web"), List.of(), List.of(cond("profile.cartValue > 0")), 30, 1, Map.of()),
        new Offer("d", "D", List.of("web"), List.of(), List.of(cond("profile.cartValue > 1000")), 40, 1, Map.of())));
    DecisionEngine e = engine(shared);
    Decision withoutTier = e.decide(new DecisionRequest("p1", null, "web", null, Map.of(), 5), withCart(0.5), 0.15, true, 0);
    assertThat(withoutTier.offers()).extracting(RankedOffer::offerId).containsExactly("c");
    assertThat(withoutTier.excluded()).filteredOn(x -> List.of("a", "b").contains(x.offerId())).hasSize(2)
        .allSatisfy(x -> assertThat(x.reason()).startsWith("condition could not be evaluated: context.tier == 'gold'"));
    assertThat(withoutTier.excluded()).filteredOn(x -> x.offerId().equals("d")).first().extracting(ExcludedOffer::reason)
        .isEqualTo("condition not met: profile.cartValue > 1000");
    Decision gold = e.decide(new DecisionRequest("p1", null, "web", null, Map.of("tier", "gold"), 5), withCart(0.5), 0.15, true, 0);
    assertThat(gold.offers()).extracting(RankedOffer::offerId).containsExactly("c", "b", "a");
    assertThat(gold.offers()).allSatisfy(o -> assertThat(o.reasons()).contains("condition held: profile.cartValue > 0"));
  }

  @Test
  void contextConditionsAndLimitApply() {
    Decision d = engine.decide(new DecisionRequest("p1", null, "web", null, Map.of("tier", "gold"), 1), withCart(0.5), 0.15, true, 0);
    assertThat(d.offers()).extracting(RankedOffer::offerId).containsExactly("vip-ctx");
    assertThat(d.excluded()).anyMatch(e -> e.reason().contains("below the limit"));
  }

  @Test
  void unknownPersonGetsNonPersonalizedOffersAtTheBaseRate() {
    Decision d = engine.decide(new DecisionRequest(null, Map.of("email", "x@y.z"), "web", "home_hero", Map.of(), 3), null, 0.15, true, 0);
    assertThat(d.profileId()).isNull();
    assertThat(d.propensitySource()).contains("non-personalized");
    assertThat(d.offers()).extracting(RankedOffer::offerId).containsExactly("best");
    assertThat(d.offers().get(0).propensity()).isEqualTo(0.15);
  }

  @Test
  void withoutAModelTheRankingFallsBackToValue() {
    Profile unscored = withCart(0).withPropensity(PropensityState.NONE);
    Decision d = engine.decide(new DecisionRequest("p1", null, "web", null, Map.of(), 5), unscored, 0.15, false, 0);
    assertThat(d.propensitySource()).contains("no propensity model");
    assertThat(d.offers()).extracting(RankedOffer::offerId).containsExactly("cart", "best");
  }

  static Profile withConsent(Profile p, String purpose, String status) {
    ProfileChange answer = new ProfileChange("consent_update", null, 2000, "preference_center", List.of("userId:u"), null, 1, 0, -1,
        0, Map.of(), null, null, 0, null, List.of(), Map.of(purpose, new Consent(status, "preference_center", 2000)));
    return ProfileUpdater.apply(p, answer, new ProfileRules(5, 1_800_000)).withPropensity(p.propensity());
  }

  @Test
  void withoutPersonalizationConsentTheProfileIsNotUsed() {
    Profile p = withConsent(withCart(0.9), "personalization", "denied");
    Decision d = engine.decide(new DecisionRequest("p1", Map.of(), "web", "cart", Map.of(), 5), p, 0.15, true, 3000);
    assertThat(d.offers()).extracting(RankedOffer::offerId).doesNotContain("cart");
    assertThat(d.offers()).allSatisfy(o -> assertThat(o.propensity()).isEqualTo(0.15));
    assertThat(d.propensitySource()).contains("no personalization consent");
    assertThat(d.consent()).singleElement().asString().contains("personalization denied (preference_center");
    assertThat(d.profileId()).isEqualTo("p1");

    Decision granted = engine.decide(new DecisionRequest("p1", Map.of(), "web", "cart", Map.of(), 5),
        withConsent(p, "personalization", "granted"), 0.15, true, 3000);
    assertThat(granted.offers()).extracting(RankedOffer::offerId).contains("cart");
    assertThat(granted.consent()).isEmpty();
  }

  @Test
  void aChannelNeedsItsMarketingConsentAndTheDefaultApplies() {
    OfferCatalog emailCatalog = new OfferCatalog(List.of(
        new Offer("mail", "Mail", List.of("email", "web"), List.of(), List.of(), 10, 1, Map.of())));
    DecisionEngine mail = engine(emailCatalog);
    DecisionRequest byEmail = new DecisionRequest("p1", Map.of(), "email", null, Map.of(), 5);
    Decision neverAnswered = mail.decide(byEmail, withCart(0.5), 0.15, true, 3000);
    assertThat(neverAnswered.offers()).isEmpty();
    assertThat(neverAnswered.excluded()).singleElement().extracting(ExcludedOffer::reason).asString()
        .contains("consent: marketing_email denied (default");
    Decision optedIn = mail.decide(byEmail, withConsent(withCart(0.5), "marketing_email", "granted"), 0.15, true, 3000);
    assertThat(optedIn.offers()).extracting(RankedOffer::offerId).containsExactly("mail");
    assertThat(mail.decide(new DecisionRequest("p1", Map.of(), "web", null, Map.of(), 5), withCart(0.5), 0.15, true, 3000)
        .offers()).as("web needs no marketing consent").hasSize(1);
  }

  @Test
  void conditionsCanReadConsent() {
    OfferCatalog c = new OfferCatalog(List.of(new Offer("sms-optin", "Text alerts", List.of("web"), List.of(),
        List.of(cond("!profile.consent.marketing_sms")), 1, 1, Map.of())));
    DecisionEngine e = engine(c);
    DecisionRequest web = new DecisionRequest("p1", Map.of(), "web", null, Map.of(), 5);
    assertThat(e.decide(web, withCart(0.5), 0.15, true, 3000).offers()).hasSize(1);
    assertThat(e.decide(web, withConsent(withCart(0.5), "marketing_sms", "granted"), 0.15, true, 3000).offers()).isEmpty();
  }

  static Offer offer(String id, double value, java.time.Instant startsAt, java.time.Instant endsAt, String group, List<String> excludes) {
    return new Offer(id, id, List.of("web"), List.of(), List.of(), value, 1, Map.of(), startsAt, endsAt, group, excludes, null);
  }

  @Test
  void datesGroupsAndMutualExclusionsShapeTheChoiceAndSayWhy() {
    java.time.Instant now = java.time.Instant.parse("2026-12-01T12:00:00Z");
    OfferCatalog c = new OfferCatalog(List.of(
        offer("future", 100, now.plusSeconds(3600), null, null, List.of()),
        offer("past", 100, null, now, null, List.of()),
        offer("live", 90, now.minusSeconds(60), now.plusSeconds(60), null, List.of()),
        offer("card-gold", 80, null, null, "credit-card", List.of()),
        offer("card-silver", 70, null, null, "credit-card", List.of()),
        offer("loan", 60, null, null, null, List.of("credit-card")),
        offer("insurance", 50, null, null, null, List.of("savings")),
        offer("savings", 40, null, null, null, List.of()),
        offer("newsletter", 1, null, null, null, List.of())));
    DecisionEngine e = engine(c);
    Decision d = e.decide(new DecisionRequest("p1", null, "web", null, Map.of(), 4), withCart(0.5), 0.15, true, now.toEpochMilli());
    assertThat(d.offers()).extracting(RankedOffer::offerId).containsExactly("live", "card-gold", "insurance", "newsletter");
    Map<String, String> why = new java.util.HashMap<>();
    d.excluded().forEach(x -> why.put(x.offerId(), x.reason()));
    assertThat(why.get("future")).startsWith("not active yet: starts 2026-12-01T13:00:00Z");
    assertThat(why.get("past")).isEqualTo("no longer active: ended 2026-12-01T12:00:00Z");
    assertThat(why.get("card-silver")).isEqualTo("group credit-card: card-gold ranked higher");
    assertThat(why.get("loan")).isEqualTo("mutually exclusive with card-gold, which ranked higher");
    assertThat(why.get("savings")).isEqualTo("mutually exclusive with insurance, which ranked higher");
  }

  @Test
  void offerDatesGroupsAndExclusionsAreValidatedWithTheirField() {
    OfferCatalog.OfferSpec ok = new OfferCatalog.OfferSpec("a", "A", List.of("web"), null, null, 1.0, null, null,
        "2026-12-01T00:00:00Z", "2026-12-24T00:00:00Z", "cards", List.of("b"), null);
    assertThat(catchField(ok)).isNull();
    assertThat(catchField(new OfferCatalog.OfferSpec("a", "A", List.of("web"), null, null, 1.0, null, null, "tomorrow", null, null, null, null)))
        .isEqualTo("startsAt");
    assertThat(catchField(new OfferCatalog.OfferSpec("a", "A", List.of("web"), null, null, 1.0, null, null,
        "2026-12-24T00:00:00Z", "2026-12-01T00:00:00Z", null, null, null))).isEqualTo("endsAt");
    assertThat(catchField(new OfferCatalog.OfferSpec("a", "A", List.of("web"), null, null, 1.0, null, null, null, null, "Bad Group", null, null)))
        .isEqualTo("group");
    assertThat(catchField(new OfferCatalog.OfferSpec("a", "A", List.of("web"), null, null, 1.0, null, null, null, null, null, List.of("a"), null)))
        .isEqualTo("excludes[0]");
  }

  static String catchField(OfferCatalog.OfferSpec spec) {
    try {
      OfferCatalog.toOffer(spec, "");
      return null;
    } catch (OfferCatalog.InvalidOffer e) {
      return e.field();
    }
  }
}
