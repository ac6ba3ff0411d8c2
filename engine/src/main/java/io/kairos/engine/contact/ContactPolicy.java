package io.kairos.engine.contact;

import java.util.List;
import java.util.Map;

/**
 * The catalog's contact policy.
 *
 * @param maxPerDay offers served to one person in any 24 hours, over all channels (0 = no cap)
 * @param rejectCooldownHours default cooldown after a reject (0 = none)
 * @param acceptSuppressionHours default suppression after an accept or conversion (0 = none)
 * @param groupCaps caps per offer group
 * @param channelCaps caps per channel, over all offers
 */
public record ContactPolicy(int maxPerDay, double rejectCooldownHours, double acceptSuppressionHours,
    Map<String, List<Cap>> groupCaps, Map<String, List<Cap>> channelCaps) {

  public static final ContactPolicy NONE = new ContactPolicy(0, 0, 0, Map.of(), Map.of());

  public ContactPolicy {
    groupCaps = groupCaps == null ? Map.of() : Map.copyOf(groupCaps);
    channelCaps = channelCaps == null ? Map.of() : Map.copyOf(channelCaps);
  }
}
