package io.kairos.engine.profile;

import java.util.List;
import java.util.Map;

/**
 * The unified, immutable state of one person. Replaced as a whole by {@link ProfileUpdater};
 * stored in the grid as {@link ProfileCodec} bytes through {@link ProfileSerializer}; Java-serializable only so that a merge
 * processor can carry one to the backup replica.
 *
 * @param identifiers {@code type:value} strings that resolve to this profile
 * @param invalidIdentifiers {@code type:value} strings of e-mails and phones that failed validation: kept as written, not linked
 * @param traits trait name to JSON-encoded value (the newest event's value wins)
 * @param traitOrigins trait name to the source and time of its current value
 * @param consents purpose (e.g. {@code marketing_email}) to the person's latest answer
 * @param mergedInto null for a live profile; for a merged-away one (a tombstone, otherwise empty) the survivor's id
 */
public record Profile(String profileId, List<String> identifiers, List<String> invalidIdentifiers, long firstSeen, long lastSeen, long eventCount,
    Map<String, Long> eventCounts, Map<String, Long> channelCounts, List<CartItem> cart, long purchaseCount,
    double purchaseTotal, long lastPurchaseAt, Map<String, String> traits, Map<String, TraitOrigin> traitOrigins, SentimentState sentiment,
    PropensityState propensity, SessionState session, List<Interaction> recent, Map<String, Consent> consents, String mergedInto) implements java.io.Serializable {

  public Profile {
    identifiers = List.copyOf(identifiers);
    invalidIdentifiers = List.copyOf(invalidIdentifiers);
    eventCounts = Map.copyOf(eventCounts);
    channelCounts = Map.copyOf(channelCounts);
    cart = List.copyOf(cart);
    traits = Map.copyOf(traits);
    traitOrigins = Map.copyOf(traitOrigins);
    recent = List.copyOf(recent);
    consents = Map.copyOf(consents);
  }

  public static Profile empty(String profileId) {
    return new Profile(profileId, List.of(), List.of(), 0, 0, 0, Map.of(), Map.of(), List.of(), 0, 0, 0, Map.of(), Map.of(),
        SentimentState.NONE, PropensityState.NONE, SessionState.NONE, List.of(), Map.of(), null);
  }

  public Profile withPropensity(PropensityState p) {
    return new Profile(profileId, identifiers, invalidIdentifiers, firstSeen, lastSeen, eventCount, eventCounts, channelCounts, cart,
        purchaseCount, purchaseTotal, lastPurchaseAt, traits, traitOrigins, sentiment, p, session, recent, consents, mergedInto);
  }

  /** The empty marker left where a merged-away profile was; updates that reach it go on to {@code survivor}. */
  public static Profile tombstone(String profileId, String survivor) {
    return new Profile(profileId, List.of(), List.of(), 0, 0, 0, Map.of(), Map.of(), List.of(), 0, 0, 0, Map.of(), Map.of(),
        SentimentState.NONE, PropensityState.NONE, SessionState.NONE, List.of(), Map.of(), survivor);
  }

  public boolean isTombstone() {
    return mergedInto != null;
  }

  /** The person's answer for a purpose, or null when they never gave one. */
  public Consent consent(String purpose) {
    return consents.get(purpose);
  }

  public double cartValue() {
    return cart.stream().mapToDouble(i -> i.price() * i.quantity()).sum();
  }
}
