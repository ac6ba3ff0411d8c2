package io.kairos.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The profile update and its entry processors, tested as pure functions. */
class ProfileUpdaterTest {

  static final ProfileRules RULES = new ProfileRules(3, 30 * 60_000L);
  static final long T0 = 1_700_000_000_000L;

  static ProfileChange change(String type, String pageKind, long at, String productId, long qty, double price, double total) {
    return new ProfileChange(type, pageKind, at, "web", List.of("userId:u-1"), productId, qty, price, total, 0, Map.of(),
        null, null, 0, null, List.of(), Map.of());
  }

  static ProfileChange review(long at, String label, double score) {
    return review(at, label, score, "web", "text");
  }

  static ProfileChange review(long at, String label, double score, String channel, String text) {
    return new ProfileChange("review", null, at, channel, List.of("userId:u-1"), null, 1, 0, -1, 0, Map.of(), text, label,
        score, "en", List.of(), Map.of());
  }

  @Test
  void countsCartPurchasesAndSession() {
    Profile p = Profile.empty("p1");
    p = ProfileUpdater.apply(p, change("product_view", ProfileChange.PRODUCT_RELATED, T0, "sku", 1, 20, -1), RULES);
    p = ProfileUpdater.apply(p, change("add_to_cart", ProfileChange.PRODUCT_RELATED, T0 + 60_000, "sku", 2, 20, -1), RULES);
    p = ProfileUpdater.apply(p, change("add_to_cart", ProfileChange.PRODUCT_RELATED, T0 + 90_000, "sku", 1, 20, -1), RULES);
    assertThat(p.cart()).containsExactly(new CartItem("sku", 3, 20));
    assertThat(p.cartValue()).isEqualTo(60.0);
    p = ProfileUpdater.apply(p, change("remove_from_cart", ProfileChange.PRODUCT_RELATED, T0 + 100_000, "sku", 1, 0, -1), RULES);
    assertThat(p.cart()).containsExactly(new CartItem("sku", 2, 20));
    p = ProfileUpdater.apply(p, change("purchase", null, T0 + 120_000, null, 1, 0, -1), RULES);
    assertThat(p.purchaseCount()).isEqualTo(1);
    assertThat(p.purchaseTotal()).isEqualTo(40.0);
    assertThat(p.cart()).isEmpty();
    assertThat(p.eventCount()).isEqualTo(5);
    assertThat(p.eventCounts()).containsEntry("add_to_cart", 2L).containsEntry("purchase", 1L);
    assertThat(p.channelCounts()).containsEntry("web", 5L);
    assertThat(p.firstSeen()).isEqualTo(T0);
    assertThat(p.lastSeen()).isEqualTo(T0 + 120_000);
    assertThat(p.session().productRelated()).isEqualTo(4);
    assertThat(p.session().productRelatedSeconds()).isEqualTo(120.0);
    assertThat(p.recent()).hasSize(3).first().extracting(Interaction::type).isEqualTo("purchase");
  }

  @Test
  void aLongGapStartsANewSession() {
    Profile p = ProfileUpdater.apply(Profile.empty("p1"), change("page_view", ProfileChange.INFORMATIONAL, T0, null, 1, 0, -1), RULES);
    p = ProfileUpdater.apply(p, change("page_view", ProfileChange.PRODUCT_RELATED, T0 + 31 * 60_000, null, 1, 0, -1), RULES);
    assertThat(p.session().sessionCount()).isEqualTo(2);
    assertThat(p.session().informational()).isZero();
    assertThat(p.session().productRelated()).isEqualTo(1);
  }

  @Test
  void sentimentKeepsLastAndRollingAverage() {
    Profile p = ProfileUpdater.apply(Profile.empty("p1"), review(T0, "positive", 0.8), RULES);
    p = ProfileUpdater.apply(p, review(T0 + 1, "negative", -0.6), RULES);
    assertThat(p.sentiment().lastLabel()).isEqualTo("negative");
    assertThat(p.sentiment().lastScore()).isEqualTo(-0.6);
    assertThat(p.sentiment().average()).isCloseTo(0.3 * -0.6 + 0.7 * 0.8, within(1e-9));
    assertThat(p.sentiment().count()).isEqualTo(2);
    assertThat(p.sentiment().lastNegativeAt()).isEqualTo(T0 + 1);
  }

  @Test
  void sentimentPerChannelAndTheLastNegativeInteraction() {
    Profile p = ProfileUpdater.apply(Profile.empty("p1"), review(T0, "negative", -0.9, "call_center", "Angry about the delay"), RULES);
    p = ProfileUpdater.apply(p, review(T0 + 10, "positive", 0.6, "web", "Love the shoes"), RULES);
    p = ProfileUpdater.apply(p, review(T0 + 20, "positive", 0.2, "web", "Fine"), RULES);
    assertThat(p.sentiment().channelAverages().get("call_center")).isEqualTo(-0.9);
    assertThat(p.sentiment().channelAverages().get("web")).isCloseTo(0.3 * 0.2 + 0.7 * 0.6, within(1e-9));
    assertThat(p.sentiment().lastNegativeChannel()).isEqualTo("call_center");
    assertThat(p.sentiment().lastNegativeSnippet()).isEqualTo("Angry about the delay");
    assertThat(p.sentiment().lastNegativeAt()).isEqualTo(T0);
  }

  @Test
  void traitsLatestWinsAndIdentifiersAccumulate() {
    ProfileChange withTraits = new ProfileChange("identify", null, T0, "web", List.of("email:ann@example.com"), null, 1, 0, -1, 0,
        Map.of("tier", "\"gold\"", "age", "41"), null, null, 0, null, List.of(), Map.of());
    Profile p = ProfileUpdater.apply(Profile.empty("p1"), change("page_view", null, T0, null, 1, 0, -1), RULES);
    p = ProfileUpdater.apply(p, withTraits, RULES);
    assertThat(p.traits()).containsEntry("tier", "\"gold\"").containsEntry("age", "41");
    assertThat(p.identifiers()).containsExactly("userId:u-1", "email:ann@example.com");
    assertThat(p.traitOrigins()).containsEntry("tier", new TraitOrigin("web", T0));
    ProfileChange late = new ProfileChange("identify", null, T0 - 1000, "crm_import", List.of("userId:u-1"), null, 1, 0, -1, 0,
        Map.of("tier", "\"bronze\"", "city", "\"Cluj\""), null, null, 0, null, List.of(), Map.of());
    p = ProfileUpdater.apply(p, late, RULES);
    assertThat(p.traits()).as("an older value arriving late does not overwrite").containsEntry("tier", "\"gold\"")
        .containsEntry("city", "\"Cluj\"");
    assertThat(p.traitOrigins()).containsEntry("city", new TraitOrigin("crm_import", T0 - 1000));
  }

  @Test
  void applyProcessorCreatesAndSetsTheEntry() {
    Map.Entry<String, Profile> entry = new AbstractMap.SimpleEntry<>("p1", null);
    Profile result = new ApplyChangesProcessor(Map.of("p1", List.of(change("page_view", null, T0, null, 1, 0, -1),
        change("page_view", null, T0 + 1000, null, 1, 0, -1)), "other", List.of(change("purchase", null, T0, null, 1, 0, 5))),
        RULES).process(entry);
    assertThat(entry.getValue()).isSameAs(result);
    assertThat(result.profileId()).isEqualTo("p1");
    assertThat(result.eventCount()).isEqualTo(2);
  }

  @Test
  void setPropensityNeverOverwritesANewerScore() {
    Profile p = Profile.empty("p1").withPropensity(new PropensityState(0.4, "m@2", T0, 10));
    Map.Entry<String, Profile> entry = new AbstractMap.SimpleEntry<>("p1", p);
    assertThat(new SetPropensityProcessor(Map.of("p1", new PropensityState(0.9, "m@2", T0, 9))).process(entry)).isFalse();
    assertThat(entry.getValue().propensity().score()).isEqualTo(0.4);
    assertThat(new SetPropensityProcessor(Map.of("p1", new PropensityState(0.7, "m@2", T0, 11))).process(entry)).isTrue();
    assertThat(entry.getValue().propensity().score()).isEqualTo(0.7);
    Map.Entry<String, Profile> missing = new AbstractMap.SimpleEntry<>("p2", null);
    assertThat(new SetPropensityProcessor(Map.of("p2", new PropensityState(0.7, "m@2", T0, 11))).process(missing)).isFalse();
    assertThat(new SetPropensityProcessor(Map.of("p9", new PropensityState(0.7, "m@2", T0, 11))).process(entry))
        .as("a key the batch has no score for is left alone").isFalse();
    assertThat(missing.getValue()).isNull();
  }

  static ProfileChange consent(long at, String purpose, String status, String source) {
    return new ProfileChange("consent_update", null, at, source, List.of("userId:u-1"), null, 1, 0, -1, 0, Map.of(), null, null, 0,
        null, List.of(), Map.of(purpose, new Consent(status, source, at)));
  }

  @Test
  void newestConsentWinsAndALateOlderAnswerIsIgnored() {
    Profile p = ProfileUpdater.apply(Profile.empty("p1"), consent(T0, "marketing_email", "granted", "web"), RULES);
    p = ProfileUpdater.apply(p, consent(T0 + 10, "marketing_email", "denied", "call_center"), RULES);
    p = ProfileUpdater.apply(p, consent(T0 + 5, "marketing_email", "granted", "batch_import"), RULES);
    assertThat(p.consent("marketing_email")).isEqualTo(new Consent("denied", "call_center", T0 + 10));
    p = ProfileUpdater.apply(p, consent(T0 + 10, "marketing_email", "granted", "web"), RULES);
    assertThat(p.consent("marketing_email").status()).as("equal times: the later-applied answer wins").isEqualTo("granted");
    assertThat(p.consent("analytics")).isNull();
  }

  @Test
  void invalidIdentifiersAccumulateWithoutDuplicates() {
    ProfileChange flagged = new ProfileChange("identify", null, T0, "web", List.of("userId:u-1"), null, 1, 0, -1, 0, Map.of(), null,
        null, 0, null, List.of("phone:12"), Map.of());
    Profile p = ProfileUpdater.apply(Profile.empty("p1"), flagged, RULES);
    p = ProfileUpdater.apply(p, flagged, RULES);
    assertThat(p.invalidIdentifiers()).containsExactly("phone:12");
    assertThat(p.identifiers()).containsExactly("userId:u-1");
  }
}
