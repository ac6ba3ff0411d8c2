package io.kairos.engine.enrich;

import io.kairos.engine.profile.Profile;
import io.kairos.engine.profile.SessionState;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Live features of a profile in the vocabulary of the propensity model's training data (UCI
 * Online Shoppers): page counts and durations by page kind in the current session, page value,
 * month, weekend and visitor type. Columns the live profile cannot observe (bounce and exit
 * rates, special day) are left out, so the model imputes its training median.
 */
public final class ProfileFeatures {

  private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "June", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

  private ProfileFeatures() {}

  public static Function<String, Object> of(Profile p) {
    SessionState s = p.session();
    Map<String, Object> f = new HashMap<>();
    f.put("Administrative", s.administrative());
    f.put("Administrative_Duration", s.administrativeSeconds());
    f.put("Informational", s.informational());
    f.put("Informational_Duration", s.informationalSeconds());
    f.put("ProductRelated", s.productRelated());
    f.put("ProductRelated_Duration", s.productRelatedSeconds());
    f.put("PageValues", s.pages() == 0 ? 0.0 : s.pageValueSum() / s.pages());
    long at = s.lastEventAt() > 0 ? s.lastEventAt() : p.lastSeen();
    ZonedDateTime when = Instant.ofEpochMilli(at).atZone(ZoneOffset.UTC);
    f.put("Month", MONTHS[when.getMonthValue() - 1]);
    f.put("Weekend", when.getDayOfWeek() == DayOfWeek.SATURDAY || when.getDayOfWeek() == DayOfWeek.SUNDAY);
    f.put("VisitorType", s.sessionCount() > 1 ? "Returning_Visitor" : "New_Visitor");
    return f::get;
  }
}
