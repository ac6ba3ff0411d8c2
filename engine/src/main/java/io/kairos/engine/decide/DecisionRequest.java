package io.kairos.engine.decide;

import java.util.Map;

/**
 * A request for the next-best offers.
 *
 * @param profileId the profile, or null when {@code identifiers} name the person
 * @param identifiers identifier type to value; used when {@code profileId} is null
 * @param placement null means any placement
 * @param explain whether the answer carries the reasons and the excluded offers (the decision log always does)
 */
public record DecisionRequest(String profileId, Map<String, String> identifiers, String channel, String placement,
    Map<String, Object> context, int limit, boolean explain) {

  /** A request whose answer is explained. */
  public DecisionRequest(String profileId, Map<String, String> identifiers, String channel, String placement,
      Map<String, Object> context, int limit) {
    this(profileId, identifiers, channel, placement, context, limit, true);
  }

  public DecisionRequest {
    identifiers = identifiers == null ? Map.of() : Map.copyOf(identifiers);
    context = context == null ? Map.of() : context;
  }
}
