package io.kairos.engine.contact;

import java.util.List;

/**
 * Whether a person's contact history suppresses an offer now, and why, in words an agent can read.
 * Pure.
 */
public final class ContactCheck {

  private static final long DAY = 24 * 3_600_000L;

  private ContactCheck() {}

  /** How many more offers the global daily cap allows now ({@code Integer.MAX_VALUE} without one). */
  public static int remainingToday(ContactPolicy policy, ContactHistory history, long now) {
    if (policy.maxPerDay() <= 0) {
      return Integer.MAX_VALUE;
    }
    int served = 0;
    for (Contact c : history.contacts()) {
      if (c.kind() == Contact.Kind.SERVED && now - c.at() < DAY) {
        served++;
      }
    }
    return Math.max(0, policy.maxPerDay() - served);
  }

  /**
   * The reason the offer is suppressed, or null when it may be offered.
   *
   * @param lastPurchaseAt the person's last purchase (0 = never)
   */
  public static String suppressed(String offerId, String group, OfferContactRules rules, String channel, ContactPolicy policy,
      ContactHistory history, long lastPurchaseAt, long now) {
    for (Cap cap : rules.caps()) {
      String r = cap(history, cap, now, c -> c.offerId().equals(offerId), "this offer");
      if (r != null) {
        return r;
      }
    }
    if (group != null) {
      for (Cap cap : policy.groupCaps().getOrDefault(group, List.of())) {
        String r = cap(history, cap, now, c -> group.equals(c.group()), "group " + group);
        if (r != null) {
          return r;
        }
      }
    }
    for (Cap cap : policy.channelCaps().getOrDefault(channel, List.of())) {
      String r = cap(history, cap, now, c -> channel.equals(c.channel()), "channel " + channel);
      if (r != null) {
        return r;
      }
    }
    double cooldown = rules.rejectCooldownHours() != null ? rules.rejectCooldownHours() : policy.rejectCooldownHours();
    Contact rejected = last(history, offerId, Contact.Kind.REJECTED);
    if (cooldown > 0 && rejected != null && now - rejected.at() < cooldown * 3_600_000) {
      return "contact policy: rejected " + ago(now - rejected.at()) + " ago; cooldown " + hours(cooldown) + " after a reject";
    }
    double afterAccept = rules.acceptSuppressionHours() != null ? rules.acceptSuppressionHours() : policy.acceptSuppressionHours();
    Contact accepted = last(history, offerId, Contact.Kind.ACCEPTED);
    if (afterAccept > 0 && accepted != null && now - accepted.at() < afterAccept * 3_600_000) {
      return "contact policy: accepted " + ago(now - accepted.at()) + " ago; suppressed " + hours(afterAccept) + " after an accept";
    }
    Double afterPurchase = rules.purchaseSuppressionHours();
    if (afterPurchase != null && afterPurchase > 0 && lastPurchaseAt > 0 && now - lastPurchaseAt < afterPurchase * 3_600_000) {
      return "contact policy: purchased " + ago(now - lastPurchaseAt) + " ago; suppressed " + hours(afterPurchase) + " after a purchase";
    }
    return null;
  }

  private static String cap(ContactHistory history, Cap cap, long now, java.util.function.Predicate<Contact> scope, String what) {
    int served = 0;
    long first = Long.MAX_VALUE;
    for (Contact c : history.contacts()) {
      if (c.kind() == Contact.Kind.SERVED && now - c.at() < cap.windowMillis() && scope.test(c)) {
        served++;
        first = Math.min(first, c.at());
      }
    }
    if (served < cap.limit()) {
      return null;
    }
    return "contact policy: capped, " + what + " was offered " + served + " times in the last " + hours(cap.hours())
        + " (limit " + cap.limit() + "); next possible in " + ago(first + cap.windowMillis() - now);
  }

  private static Contact last(ContactHistory history, String offerId, Contact.Kind kind) {
    List<Contact> all = history.contacts();
    for (int i = all.size() - 1; i >= 0; i--) {
      Contact c = all.get(i);
      if (c.kind() == kind && c.offerId().equals(offerId)) {
        return c;
      }
    }
    return null;
  }

  static String hours(double h) {
    return h == Math.rint(h) ? (long) h + " h" : h + " h";
  }

  /** A duration as minutes, hours or days, rounded. */
  static String ago(long millis) {
    long minutes = Math.max(0, millis) / 60_000;
    if (minutes < 120) {
      return minutes + " min";
    }
    long hours = minutes / 60;
    return hours < 48 ? hours + " h" : hours / 24 + " d";
  }
}
