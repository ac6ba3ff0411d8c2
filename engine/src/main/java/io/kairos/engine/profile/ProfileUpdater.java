package io.kairos.engine.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The pure function at the heart of the profile: {@code (profile, change) -> profile}. Used by the
 * entry processor on the live path and by replay on restart, so both always agree.
 */
public final class ProfileUpdater {

  private ProfileUpdater() {}

  public static Profile apply(Profile current, ProfileChange c, ProfileRules rules) {
    Profile p = current;
    LinkedHashSet<String> ids = new LinkedHashSet<>(p.identifiers());
    ids.addAll(c.identifiers());
    List<String> invalid = p.invalidIdentifiers();
    if (!c.invalidIdentifiers().isEmpty()) {
      LinkedHashSet<String> all = new LinkedHashSet<>(invalid);
      all.addAll(c.invalidIdentifiers());
      invalid = List.copyOf(all);
    }
    Map<String, Long> eventCounts = increment(p.eventCounts(), c.type());
    Map<String, Long> channelCounts = increment(p.channelCounts(), c.channel());
    long first = p.eventCount() == 0 ? c.timestamp() : Math.min(p.firstSeen(), c.timestamp());
    long last = Math.max(p.lastSeen(), c.timestamp());

    List<CartItem> cart = p.cart();
    long purchaseCount = p.purchaseCount();
    double purchaseTotal = p.purchaseTotal();
    long lastPurchaseAt = p.lastPurchaseAt();
    switch (c.type()) {
      case "add_to_cart" -> cart = addToCart(cart, c);
      case "remove_from_cart" -> cart = removeFromCart(cart, c);
      case "purchase" -> {
        purchaseCount++;
        double total = c.orderTotal() >= 0 ? c.orderTotal()
            : c.price() > 0 ? c.price() * c.quantity() : p.cartValue();
        purchaseTotal += total;
        lastPurchaseAt = Math.max(lastPurchaseAt, c.timestamp());
        cart = List.of();
      }
      default -> { }
    }
    Map<String, String> traits = p.traits();
    Map<String, TraitOrigin> origins = p.traitOrigins();
    if (!c.traits().isEmpty()) {
      traits = new HashMap<>(p.traits());
      origins = new HashMap<>(p.traitOrigins());
      for (Map.Entry<String, String> t : c.traits().entrySet()) {
        TraitOrigin held = origins.get(t.getKey());
        if (held == null || c.timestamp() >= held.at()) { // a late event with an older time does not overwrite
          traits.put(t.getKey(), t.getValue());
          origins.put(t.getKey(), new TraitOrigin(c.channel(), c.timestamp()));
        }
      }
    }
    SentimentState sentiment = c.sentimentLabel() == null ? p.sentiment()
        : p.sentiment().with(c.sentimentScore(), c.sentimentLabel(), c.sentimentLanguage(), c.timestamp(), c.channel(),
            c.summary());
    SessionState session = updateSession(p.session(), c, rules);
    List<Interaction> recent = new ArrayList<>(Math.min(rules.recentInteractions(), p.recent().size() + 1));
    recent.add(new Interaction(c.type(), c.channel(), c.timestamp(), c.summary()));
    for (Interaction i : p.recent()) {
      if (recent.size() >= rules.recentInteractions()) {
        break;
      }
      recent.add(i);
    }
    recent.sort((a, b) -> Long.compare(b.timestamp(), a.timestamp()));
    return new Profile(p.profileId(), List.copyOf(ids), invalid, first, last, p.eventCount() + 1, eventCounts, channelCounts,
        cart, purchaseCount, purchaseTotal, lastPurchaseAt, traits, origins, sentiment, p.propensity(), session, recent,
        applyConsents(p.consents(), c.consents()), null);
  }

  /** Newest answer per purpose wins; on equal times the later-applied one does (append order). */
  static Map<String, Consent> applyConsents(Map<String, Consent> held, Map<String, Consent> given) {
    if (given.isEmpty()) {
      return held;
    }
    Map<String, Consent> out = new HashMap<>(held);
    given.forEach((purpose, answer) -> out.merge(purpose, answer, (old, neu) -> neu.at() >= old.at() ? neu : old));
    return out;
  }

  static SessionState updateSession(SessionState s, ProfileChange c, ProfileRules rules) {
    boolean newSession = s.sessionCount() == 0 || c.timestamp() - s.lastEventAt() > rules.sessionTimeoutMillis();
    if (newSession && c.timestamp() < s.lastEventAt()) {
      newSession = false; // a late event from the past does not open a session
    }
    SessionState base = newSession
        ? new SessionState(c.timestamp(), c.timestamp(), s.sessionCount() + 1, 0, 0, 0, 0, 0, 0, 0, null,
            s.bounces() + (s.sessionCount() > 0 && s.pages() == 1 ? 1 : 0), s.pagesTotal(),
            c.trafficSource() != null ? c.trafficSource() : TrafficSource.DIRECT)
        : s;
    double seconds = base.lastPageKind() == null || c.timestamp() <= base.lastEventAt() ? 0
        : Math.min(ProfileRules.MAX_PAGE_SECONDS, (c.timestamp() - base.lastEventAt()) / 1000.0);
    double adminSec = base.administrativeSeconds() + (ProfileChange.ADMINISTRATIVE.equals(base.lastPageKind()) ? seconds : 0);
    double infoSec = base.informationalSeconds() + (ProfileChange.INFORMATIONAL.equals(base.lastPageKind()) ? seconds : 0);
    double productSec = base.productRelatedSeconds() + (ProfileChange.PRODUCT_RELATED.equals(base.lastPageKind()) ? seconds : 0);
    String kind = c.pageKind();
    int admin = base.administrative() + (ProfileChange.ADMINISTRATIVE.equals(kind) ? 1 : 0);
    int info = base.informational() + (ProfileChange.INFORMATIONAL.equals(kind) ? 1 : 0);
    int product = base.productRelated() + (ProfileChange.PRODUCT_RELATED.equals(kind) ? 1 : 0);
    return new SessionState(base.startedAt(), Math.max(base.lastEventAt(), c.timestamp()), base.sessionCount(), admin, adminSec,
        info, infoSec, product, productSec, base.pageValueSum() + c.pageValue(), kind != null ? kind : base.lastPageKind(),
        base.bounces(), base.pagesTotal() + (kind != null ? 1 : 0), base.trafficSource());
  }

  private static Map<String, Long> increment(Map<String, Long> counts, String key) {
    Map<String, Long> out = new LinkedHashMap<>(counts);
    out.merge(key, 1L, Long::sum);
    return out;
  }

  private static List<CartItem> addToCart(List<CartItem> cart, ProfileChange c) {
    if (c.productId() == null) {
      return cart;
    }
    List<CartItem> out = new ArrayList<>();
    boolean merged = false;
    for (CartItem item : cart) {
      if (item.productId().equals(c.productId())) {
        out.add(new CartItem(item.productId(), item.quantity() + c.quantity(), c.price() > 0 ? c.price() : item.price()));
        merged = true;
      } else {
        out.add(item);
      }
    }
    if (!merged) {
      out.add(new CartItem(c.productId(), c.quantity(), c.price()));
    }
    return out;
  }

  private static List<CartItem> removeFromCart(List<CartItem> cart, ProfileChange c) {
    if (c.productId() == null) {
      return cart;
    }
    List<CartItem> out = new ArrayList<>();
    for (CartItem item : cart) {
      if (!item.productId().equals(c.productId())) {
        out.add(item);
      } else if (item.quantity() > c.quantity()) {
        out.add(new CartItem(item.productId(), item.quantity() - c.quantity(), item.price()));
      }
    }
    return out;
  }
}
