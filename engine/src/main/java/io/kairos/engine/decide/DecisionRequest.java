package io.kairos.engine.decide;

import java.util.Map;

/**
 * A request for the next-best offers.
 *
 * @param profileId the profile, or null when {@code identifiers} name the person
 * @param identifiers identifier type to value; used when {@code profileId} is null
 * @param placement null means any placement
 */
public record DecisionRequest(String profileId, Map<String, String> identifiers, String channel, String placement,
    Map<String, Object> context, int limit) {

  public DecisionRequest {
    identifiers = identifiers == null ? Map.of() : Map.copyOf(identifiers);
    context = context == null ? Map.of() : context;
  }
}
