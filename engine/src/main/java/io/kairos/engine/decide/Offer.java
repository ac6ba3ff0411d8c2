package io.kairos.engine.decide;

import io.kairos.engine.contact.OfferContactRules;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One offer or action from {@code config/offers.yaml} or the offer admin API.
 *
 * @param placements where it may be shown; empty means any placement
 * @param conditions CEL expressions over {@code profile}, {@code context}, {@code channel} and
 *     {@code placement}; all must hold
 * @param weight business lever multiplied into the score (1 = neutral)
 * @param startsAt first moment it may be offered; null for always
 * @param endsAt first moment it may no longer be offered; null for never
 * @param group at most one offer of a group is chosen per decision (the best scored); null for none
 * @param excludes offer ids or group names that may not be chosen together with this offer
 * @param contact caps, cooldown and suppressions for this offer (see {@link OfferContactRules})
 */
public record Offer(String id, String name, List<String> channels, List<String> placements, List<OfferCondition> conditions,
    double value, double weight, Map<String, Object> payload, Instant startsAt, Instant endsAt, String group, List<String> excludes,
    OfferContactRules contact) {

  public Offer {
    channels = List.copyOf(channels);
    placements = List.copyOf(placements);
    conditions = List.copyOf(conditions);
    payload = payload == null ? Map.of() : Map.copyOf(payload);
    excludes = excludes == null ? List.of() : List.copyOf(excludes);
    contact = contact == null ? OfferContactRules.NONE : contact;
  }

  /** An offer that is always active, in no group and excludes nothing. */
  public Offer(String id, String name, List<String> channels, List<String> placements, List<OfferCondition> conditions,
      double value, double weight, Map<String, Object> payload) {
    this(id, name, channels, placements, conditions, value, weight, payload, null, null, null, List.of(), OfferContactRules.NONE);
  }
}
