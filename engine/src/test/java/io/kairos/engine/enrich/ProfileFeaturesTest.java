package io.kairos.engine.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kairos.engine.ingest.EnrichedEvent;
import io.kairos.engine.ingest.Event;
import io.kairos.engine.ingest.StandardEventKind;
import io.kairos.engine.profile.Profile;
import io.kairos.engine.profile.ProfileChange;
import io.kairos.engine.profile.ProfileRules;
import io.kairos.engine.profile.ProfileUpdater;
import io.kairos.engine.profile.TrafficSource;
import java.time.Instant;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The live derivations of the propensity features (docs/MODELS.md, "Live features"). */
class ProfileFeaturesTest {

  static final ProfileRules RULES = new ProfileRules(5, 30 * 60_000L);
  static final SpecialDays VALENTINE = new SpecialDays(List.of(MonthDay.of(2, 14)));

  static Event event(StandardEventKind kind, String at, Map<String, Object> properties) {
    return new Event(null, kind, Instant.parse(at), "web", Map.of("anonymousId", "a-1"), Map.of(), properties, Map.of(), Map.of(), null);
  }

  static Profile fold(Event... events) {
    Profile p = Profile.empty("p-1");
    for (Event e : events) {
      p = ProfileUpdater.apply(p, ProfileChange.of(new EnrichedEvent(e, "p-1", null, 0)), RULES);
    }
    return p;
  }

  @Test
  void personRatesSpecialDayAndTrafficSourceComeFromTheHistory() {
    Profile p = fold(
        event(StandardEventKind.PAGE_VIEW, "2027-02-01T10:00:00Z", Map.of("pageType", "home", "referrer", "https://www.google.com/search?q=x")),
        // an hour later: the first session had one page (a bounce)
        event(StandardEventKind.PRODUCT_VIEW, "2027-02-10T11:00:00Z", Map.of("productId", "p1", "utm_medium", "cpc")),
        event(StandardEventKind.ADD_TO_CART, "2027-02-10T11:02:00Z", Map.of("productId", "p1", "price", 30, "quantity", 2)));
    Function<String, Object> f = ProfileFeatures.of(p, VALENTINE);
    assertThat((double) f.apply("PersonBounceRate")).isEqualTo(1.0);
    assertThat((double) f.apply("PersonExitRate")).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(f.apply("BounceRates")).as("GA page-level rates are not observable: the model's median").isNull();
    assertThat(f.apply("ExitRates")).isNull();
    assertThat(f.apply("SpecialDay")).as("four days before Valentine's Day").isEqualTo(1.0);
    assertThat(f.apply("TrafficSource")).isEqualTo("paid");
    assertThat(f.apply("VisitorType")).isEqualTo("Returning_Visitor");
    assertThat(f.apply("ProductRelated")).isEqualTo(2);
    assertThat((double) f.apply("ProductRelated_Duration")).isEqualTo(120.0);
    assertThat((double) f.apply("PageValues")).isEqualTo(30.0);
    assertThat(f.apply("Month")).isEqualTo("Feb");
  }

  @Test
  void aFirstVisitLeavesBounceRateToTheModelsMedian() {
    Function<String, Object> f = ProfileFeatures.of(fold(event(StandardEventKind.PAGE_VIEW, "2027-03-01T10:00:00Z", Map.of())), VALENTINE);
    assertThat(f.apply("PersonBounceRate")).isNull();
    assertThat(f.apply("PersonExitRate")).isEqualTo(1.0);
    assertThat(f.apply("SpecialDay")).isEqualTo(0.0);
    assertThat(f.apply("TrafficSource")).isEqualTo(TrafficSource.DIRECT);
  }

  @Test
  void specialDayRisesToOneThreeToFiveDaysAheadInStepsOfOneFifth() {
    assertThat(SpecialDays.value(12)).isZero();
    assertThat(SpecialDays.value(9)).isCloseTo(0.2, within(1e-12));
    assertThat(SpecialDays.value(5)).isEqualTo(1.0);
    assertThat(SpecialDays.value(3)).isEqualTo(1.0);
    assertThat(SpecialDays.value(1)).isCloseTo(0.6, within(1e-12));
    assertThat(SpecialDays.value(0)).isCloseTo(0.4, within(1e-12));
    assertThat(VALENTINE.closeness(Instant.parse("2027-12-31T10:00:00Z").toEpochMilli())).isZero();
  }

  @Test
  void trafficSourceClassifiesCampaignsAndReferrers() {
    assertThat(source(Map.of("utm_medium", "email", "utm_source", "spring"))).isEqualTo("email");
    assertThat(source(Map.of("utm_source", "newsletter"))).isEqualTo("email");
    assertThat(source(Map.of("referrer", "https://l.facebook.com/x"))).isEqualTo("social");
    assertThat(source(Map.of("utm_source", "instagram.com", "utm_medium", "story"))).isEqualTo("social");
    assertThat(source(Map.of("referrer", "https://duckduckgo.com/"))).isEqualTo("search");
    assertThat(source(Map.of("referrer", "https://blog.example.org/post"))).isEqualTo("referral");
    assertThat(source(Map.of("referrer", "::not a url::"))).isEqualTo("referral");
    assertThat(source(Map.of())).isNull();
  }

  static String source(Map<String, Object> properties) {
    return TrafficSource.of(event(StandardEventKind.PAGE_VIEW, "2027-03-01T10:00:00Z", properties));
  }
}
