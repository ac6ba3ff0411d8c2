package io.kairos.engine.identity;

import java.util.Set;

/**
 * Where an event's identifiers led: the profile it belongs to, and the identifier types it carried
 * that were not linked to that profile (linked to another one and a rule refused the merge, or a second
 * value of an exclusive type). Stored with the event, so that replay restores the links the live path
 * made and the profile lists only the identifiers that lead to it.
 */
public record Resolution(String profileId, Set<String> unlinked) {

  public Resolution {
    unlinked = Set.copyOf(unlinked);
  }
}
