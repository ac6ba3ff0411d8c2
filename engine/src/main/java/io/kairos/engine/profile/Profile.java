package io.kairos.engine.profile;

import java.util.List;
import java.util.Map;

/**
 * The unified, immutable state of one person. Replaced as a whole by {@link ProfileUpdater};
 * stored in the grid with {@link ProfileSerializer}.
 *
 * @param identifiers {@code type:value} strings that resolve to this profile
 * @param traits trait name to JSON-encoded value (latest wins)
 */
public record Profile(String profileId, List<String> identifiers, long firstSeen, long lastSeen, long eventCount,
    Map<String, Long> eventCounts, Map<String, Long> channelCounts, List<CartItem> cart, long purchaseCount,
    double purchaseTotal, long lastPurchaseAt, Map<String, String> traits, SentimentState sentiment,
    PropensityState propensity, SessionState session, List<Interaction> recent) {

  public Profile {
    identifiers = List.copyOf(identifiers);
    eventCounts = Map.copyOf(eventCounts);
    channelCounts = Map.copyOf(channelCounts);
    cart = List.copyOf(cart);
    traits = Map.copyOf(traits);
    recent = List.copyOf(recent);
  }

  public static Profile empty(String profileId) {
    return new Profile(profileId, List.of(), 0, 0, 0, Map.of(), Map.of(), List.of(), 0, 0, 0, Map.of(),
        SentimentState.NONE, PropensityState.NONE, SessionState.NONE, List.of());
  }

  public Profile withPropensity(PropensityState p) {
    return new Profile(profileId, identifiers, firstSeen, lastSeen, eventCount, eventCounts, channelCounts, cart,
        purchaseCount, purchaseTotal, lastPurchaseAt, traits, sentiment, p, session, recent);
  }

  public double cartValue() {
    return cart.stream().mapToDouble(i -> i.price() * i.quantity()).sum();
  }
}
