package io.kairos.engine.decide;

import java.util.List;
import java.util.Map;

/**
 * One offer or action from {@code config/offers.yaml}.
 *
 * @param placements where it may be shown; empty means any placement
 * @param conditions CEL expressions over {@code profile}, {@code context}, {@code channel} and
 *     {@code placement}; all must hold
 * @param weight business lever multiplied into the score (1 = neutral)
 */
public record Offer(String id, String name, List<String> channels, List<String> placements, List<OfferCondition> conditions,
    double value, double weight, Map<String, Object> payload) {

  public Offer {
    channels = List.copyOf(channels);
    placements = List.copyOf(placements);
    conditions = List.copyOf(conditions);
    payload = payload == null ? Map.of() : Map.copyOf(payload);
  }
}
