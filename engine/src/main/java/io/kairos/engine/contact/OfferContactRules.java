package io.kairos.engine.contact;

import java.util.List;

/**
 * One offer's contact rules; a null duration means the catalog's default applies.
 *
 * @param caps frequency caps on serving this offer to one person
 * @param rejectCooldownHours not offered again this long after the person rejected it
 * @param acceptSuppressionHours not offered again this long after the person accepted or converted
 * @param purchaseSuppressionHours not offered this long after any purchase by the person
 */
public record OfferContactRules(List<Cap> caps, Double rejectCooldownHours, Double acceptSuppressionHours,
    Double purchaseSuppressionHours) {

  public static final OfferContactRules NONE = new OfferContactRules(List.of(), null, null, null);

  public OfferContactRules {
    caps = caps == null ? List.of() : List.copyOf(caps);
  }
}
