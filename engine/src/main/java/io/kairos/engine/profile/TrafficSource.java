package io.kairos.engine.profile;

import io.kairos.engine.ingest.Event;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The channel a visit came through, from the event's {@code utm_medium}, {@code utm_source} and
 * {@code referrer} properties: paid, email, social, search, referral. A session whose first event
 * names none of these is {@code direct}.
 */
public final class TrafficSource {

  public static final String DIRECT = "direct";

  private static final Pattern PAID = Pattern.compile("cpc|ppc|paid.*|display|cpm");
  private static final Pattern SEARCH = Pattern.compile("(^|\\.)(google|bing|duckduckgo|yahoo|baidu|yandex|ecosia|naver)\\.");
  private static final Pattern SOCIAL = Pattern.compile(
      "(^|\\.)(facebook|instagram|twitter|x|t|tiktok|linkedin|pinterest|reddit|youtube|lnkd)\\.(com|co|in|it)");

  private TrafficSource() {}

  /** The source this event names, or null. */
  public static String of(Event e) {
    String medium = lower(e.property("utm_medium"));
    String source = lower(e.property("utm_source"));
    if (medium.isEmpty() && source.isEmpty() && e.property("referrer") == null) {
      return null;
    }
    if (PAID.matcher(medium).matches()) {
      return "paid";
    }
    if (medium.equals("email") || source.contains("mail") || source.contains("newsletter")) {
      return "email";
    }
    if (medium.equals("social") || SOCIAL.matcher(host(source)).find()) {
      return "social";
    }
    String referrer = host(lower(e.property("referrer")));
    if (referrer.isEmpty()) {
      return medium.isEmpty() && source.isEmpty() ? null : "referral";
    }
    if (SEARCH.matcher(referrer).find()) {
      return "search";
    }
    return SOCIAL.matcher(referrer).find() ? "social" : "referral";
  }

  private static String lower(String v) {
    return v == null ? "" : v.strip().toLowerCase(Locale.ROOT);
  }

  /** The host of a URL, or the text itself when it is not a URL (a bare source like "facebook.com"). */
  private static String host(String v) {
    if (v.isEmpty()) {
      return v;
    }
    try {
      String h = URI.create(v.contains("://") ? v : "https://" + v).getHost();
      return h == null ? v : h;
    } catch (IllegalArgumentException e) {
      return v;
    }
  }
}
