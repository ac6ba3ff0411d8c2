package io.kairos.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The merge as a pure function: two profiles of one person combine into what one profile of all their events would hold. */
class ProfileMergeTest {

  static final ProfileRules RULES = new ProfileRules(50, 30 * 60_000L);
  static final long T0 = 1_700_000_000_000L;

  static ProfileChange change(String type, long at, String channel, String id, Map<String, String> traits, String label,
      double score, Map<String, Consent> consents) {
    return new ProfileChange(type, type.equals("page_view") ? ProfileChange.PRODUCT_RELATED : null, at, channel, List.of(id),
        type.equals("add_to_cart") ? "sku-" + (at % 3) : null, 1, 10, type.equals("purchase") ? 25 : -1, 0, traits,
        "s" + at, label, score, label == null ? null : "en", List.of(), consents);
  }

  @Test
  void countersAddUpAndLatestThingsComeFromTheNewerSide() {
    List<ProfileChange> phone = new ArrayList<>();
    List<ProfileChange> laptop = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      phone.add(change(i % 3 == 0 ? "add_to_cart" : "page_view", T0 + i * 60_000L, "app", "anonymousId:phone", Map.of(), null, 0, Map.of()));
      laptop.add(change(i % 4 == 0 ? "purchase" : "page_view", T0 + i * 61_000L, "web", "anonymousId:laptop", Map.of(), null, 0,
          Map.of()));
    }
    phone.add(change("review", T0 + 700_000, "app", "anonymousId:phone", Map.of("tier", "\"silver\""), "negative", -0.8,
        Map.of("marketing_email", new Consent("denied", "app", T0 + 700_000))));
    laptop.add(change("review", T0 + 650_000, "web", "anonymousId:laptop", Map.of("tier", "\"gold\"", "city", "\"Iasi\""),
        "positive", 0.6, Map.of("marketing_email", new Consent("granted", "web", T0 + 100))));
    Profile a = fold("p-a", phone);
    Profile b = fold("p-b", laptop);
    List<ProfileChange> all = new ArrayList<>(phone);
    all.addAll(laptop);
    all.sort((x, y) -> Long.compare(x.timestamp(), y.timestamp()));
    Profile one = fold("p-a", all);

    Profile merged = ProfileMerge.combine(a, b, RULES);
    assertThat(merged.profileId()).isEqualTo("p-a");
    assertThat(merged.eventCount()).isEqualTo(one.eventCount()).isEqualTo(22);
    assertThat(merged.eventCounts()).isEqualTo(one.eventCounts());
    assertThat(merged.channelCounts()).isEqualTo(one.channelCounts());
    assertThat(merged.purchaseCount()).isEqualTo(one.purchaseCount());
    assertThat(merged.purchaseTotal()).isEqualTo(one.purchaseTotal());
    assertThat(merged.firstSeen()).isEqualTo(one.firstSeen());
    assertThat(merged.lastSeen()).isEqualTo(one.lastSeen());
    assertThat(merged.identifiers()).containsExactlyInAnyOrderElementsOf(one.identifiers());
    assertThat(merged.recent()).extracting(Interaction::timestamp).isEqualTo(one.recent().stream().map(Interaction::timestamp).toList());
    assertThat(merged.traits()).containsEntry("tier", "\"silver\"").containsEntry("city", "\"Iasi\"");
    assertThat(merged.traitOrigins().get("tier")).isEqualTo(new TraitOrigin("app", T0 + 700_000));
    assertThat(merged.consent("marketing_email").status()).isEqualTo("denied");
    assertThat(merged.sentiment().count()).isEqualTo(2);
    assertThat(merged.sentiment().average()).isCloseTo((-0.8 + 0.6) / 2, within(1e-9));
    assertThat(merged.sentiment().lastLabel()).isEqualTo("negative");
    assertThat(merged.sentiment().lastNegativeSnippet()).isEqualTo("s" + (T0 + 700_000));
    assertThat(merged.session().sessionCount()).isEqualTo(a.session().sessionCount() + b.session().sessionCount());
  }

  @Test
  void mergingWithAnEmptyProfileKeepsEverythingUnderTheSurvivorsId() {
    Profile b = fold("p-b", List.of(change("page_view", T0, "web", "anonymousId:x", Map.of("k", "1"), null, 0, Map.of())));
    Profile merged = ProfileMerge.combine(Profile.empty("p-a"), b, RULES);
    assertThat(merged.profileId()).isEqualTo("p-a");
    assertThat(merged.eventCount()).isEqualTo(1);
    assertThat(ProfileMerge.combine(b, Profile.empty("p-z"), RULES)).isEqualTo(b);
  }

  static Profile fold(String id, List<ProfileChange> changes) {
    Profile p = Profile.empty(id);
    for (ProfileChange c : changes) {
      p = ProfileUpdater.apply(p, c, RULES);
    }
    return p;
  }
}
