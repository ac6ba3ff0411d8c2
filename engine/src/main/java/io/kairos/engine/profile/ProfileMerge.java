package io.kairos.engine.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Combines two profiles of one person into the survivor's: the pure function behind a merge, used
 * by the grid on the live path and by replay, so both agree. The two profiles hold disjoint sets of
 * events, so counters add up exactly; everything that is "the latest" is taken from the newer side.
 *
 * <ul>
 *   <li>identifiers, invalid identifiers: union; counters by type and channel, purchases: summed;
 *   <li>traits: per trait the value with the newest time (its source and time kept); consents:
 *       newest answer per purpose;
 *   <li>sentiment: counts added, averages weighted by count, last and last-negative from the newer;
 *   <li>cart: both carts, quantities of the same product added (as if one profile had seen every
 *       add), at the newer price;
 *   <li>session: the one with the latest event (session counts added); recent interactions: both,
 *       newest first, capped;
 *   <li>propensity: the survivor's until it is rescored after the merge.
 * </ul>
 */
public final class ProfileMerge {

  private ProfileMerge() {}

  public static Profile combine(Profile survivor, Profile merged, ProfileRules rules) {
    if (merged.eventCount() == 0 && merged.identifiers().isEmpty()) {
      return survivor;
    }
    if (survivor.eventCount() == 0 && survivor.identifiers().isEmpty()) {
      return rename(merged, survivor.profileId());
    }
    Profile s = survivor;
    Profile m = merged;
    boolean mergedIsNewer = m.lastSeen() > s.lastSeen();
    Profile newer = mergedIsNewer ? m : s;
    Profile older = mergedIsNewer ? s : m;

    Map<String, String> traits = new HashMap<>(older.traits());
    Map<String, TraitOrigin> origins = new HashMap<>(older.traitOrigins());
    for (Map.Entry<String, String> t : newer.traits().entrySet()) {
      TraitOrigin theirs = newer.traitOrigins().get(t.getKey());
      TraitOrigin held = origins.get(t.getKey());
      if (held == null || theirs == null || theirs.at() >= held.at()) {
        traits.put(t.getKey(), t.getValue());
        if (theirs != null) {
          origins.put(t.getKey(), theirs);
        }
      }
    }
    Map<String, CartItem> cart = new LinkedHashMap<>();
    older.cart().forEach(i -> cart.put(i.productId(), i));
    newer.cart().forEach(i -> cart.merge(i.productId(), i, (o, n) -> new CartItem(n.productId(), o.quantity() + n.quantity(), n.price())));

    List<Interaction> recent = new ArrayList<>(s.recent());
    recent.addAll(m.recent());
    recent.sort(Comparator.comparingLong(Interaction::timestamp).reversed());

    SessionState session = s.session().lastEventAt() >= m.session().lastEventAt() ? s.session() : m.session();
    SessionState withCount = new SessionState(session.startedAt(), session.lastEventAt(),
        s.session().sessionCount() + m.session().sessionCount(), session.administrative(), session.administrativeSeconds(),
        session.informational(), session.informationalSeconds(), session.productRelated(), session.productRelatedSeconds(),
        session.pageValueSum(), session.lastPageKind(), s.session().bounces() + m.session().bounces(),
        s.session().pagesTotal() + m.session().pagesTotal(), session.trafficSource());

    return new Profile(s.profileId(), union(s.identifiers(), m.identifiers()), union(s.invalidIdentifiers(), m.invalidIdentifiers()),
        s.eventCount() == 0 ? m.firstSeen() : m.eventCount() == 0 ? s.firstSeen() : Math.min(s.firstSeen(), m.firstSeen()),
        Math.max(s.lastSeen(), m.lastSeen()), s.eventCount() + m.eventCount(), sum(s.eventCounts(), m.eventCounts()),
        sum(s.channelCounts(), m.channelCounts()), List.copyOf(cart.values()), s.purchaseCount() + m.purchaseCount(),
        s.purchaseTotal() + m.purchaseTotal(), Math.max(s.lastPurchaseAt(), m.lastPurchaseAt()), traits, origins,
        sentiment(s.sentiment(), m.sentiment()), s.propensity(), withCount,
        recent.subList(0, Math.min(rules.recentInteractions(), recent.size())),
        ProfileUpdater.applyConsents(s.consents(), m.consents()), null);
  }

  static SentimentState sentiment(SentimentState a, SentimentState b) {
    if (b.count() == 0) {
      return a;
    }
    if (a.count() == 0) {
      return b;
    }
    SentimentState newer = b.lastAt() > a.lastAt() ? b : a;
    SentimentState older = newer == a ? b : a;
    double average = (a.average() * a.count() + b.average() * b.count()) / (a.count() + b.count());
    Map<String, Double> byChannel = new HashMap<>(older.channelAverages());
    byChannel.putAll(newer.channelAverages());
    SentimentState negative = a.lastNegativeAt() >= b.lastNegativeAt() ? a : b;
    return new SentimentState(newer.lastScore(), newer.lastLabel(), newer.lastLanguage(), average, a.count() + b.count(),
        newer.lastAt(), byChannel, negative.lastNegativeAt(), negative.lastNegativeChannel(), negative.lastNegativeSnippet());
  }

  private static Profile rename(Profile p, String profileId) {
    return new Profile(profileId, p.identifiers(), p.invalidIdentifiers(), p.firstSeen(), p.lastSeen(), p.eventCount(),
        p.eventCounts(), p.channelCounts(), p.cart(), p.purchaseCount(), p.purchaseTotal(), p.lastPurchaseAt(), p.traits(),
        p.traitOrigins(), p.sentiment(), p.propensity(), p.session(), p.recent(), p.consents(), null);
  }

  private static List<String> union(List<String> a, List<String> b) {
    LinkedHashSet<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  private static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
    Map<String, Long> out = new HashMap<>(a);
    b.forEach((k, v) -> out.merge(k, v, Long::sum));
    return out;
  }
}
