package io.kairos.engine.enrich;

import io.kairos.engine.profile.Profile;
import io.kairos.engine.profile.SessionState;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Live features of a profile in the vocabulary of the propensity model's training data (UCI
 * Online Shoppers); docs/MODELS.md says how each is derived. A value the profile cannot give is
 * left out, so the model imputes its training median.
 *
 * <p>Google Analytics' {@code BounceRates} and {@code ExitRates} are page-level averages over all
 * visitors (UCI mean 0.02 and 0.04, at most 0.2); what one person's history gives is of another kind
 * (one page in two sessions is an exit rate of 1.0, which drove a UCI-trained model's logit down by
 * 14). So those two columns are left to the median, and the person-level rates are offered under
 * their own names, {@code PersonBounceRate} (finished single-page sessions / finished sessions) and
 * {@code PersonExitRate} (sessions / pages), for models trained on the engine's own history, as is
 * {@code TrafficSource} (paid, email, social, search, referral, direct), since the UCI
 * {@code TrafficType} codes are opaque.
 */
public final class ProfileFeatures {

  /** The columns this class provides, in the training data's order. */
  public static final List<String> COLUMNS = List.of("Administrative", "Administrative_Duration", "Informational",
      "Informational_Duration", "ProductRelated", "ProductRelated_Duration", "PageValues", "SpecialDay", "Month", "VisitorType",
      "Weekend", "PersonBounceRate", "PersonExitRate", "TrafficSource");

  private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "June", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

  private ProfileFeatures() {}

  public static Function<String, Object> of(Profile p, SpecialDays specialDays) {
    SessionState s = p.session();
    Map<String, Object> f = new HashMap<>();
    f.put("Administrative", s.administrative());
    f.put("Administrative_Duration", s.administrativeSeconds());
    f.put("Informational", s.informational());
    f.put("Informational_Duration", s.informationalSeconds());
    f.put("ProductRelated", s.productRelated());
    f.put("ProductRelated_Duration", s.productRelatedSeconds());
    int finished = s.sessionCount() - 1;
    if (finished > 0) {
      f.put("PersonBounceRate", (double) s.bounces() / finished);
    }
    if (s.pagesTotal() > 0) {
      f.put("PersonExitRate", (double) s.sessionCount() / s.pagesTotal());
    }
    f.put("PageValues", s.pages() == 0 ? 0.0 : s.pageValueSum() / s.pages());
    long at = s.lastEventAt() > 0 ? s.lastEventAt() : p.lastSeen();
    f.put("SpecialDay", specialDays.closeness(at));
    ZonedDateTime when = Instant.ofEpochMilli(at).atZone(ZoneOffset.UTC);
    f.put("Month", MONTHS[when.getMonthValue() - 1]);
    f.put("Weekend", when.getDayOfWeek() == DayOfWeek.SATURDAY || when.getDayOfWeek() == DayOfWeek.SUNDAY);
    f.put("VisitorType", s.sessionCount() > 1 ? "Returning_Visitor" : "New_Visitor");
    if (s.trafficSource() != null) {
      f.put("TrafficSource", s.trafficSource());
    }
    return f::get;
  }
}
