package io.kairos.engine.profile;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * Stores a propensity score unless the profile already holds one computed from newer state.
 * Returns true when the score was stored.
 */
public record SetPropensityProcessor(PropensityState score) implements EntryProcessor<String, Profile, Boolean> {

  @Override
  public Boolean process(Map.Entry<String, Profile> entry) {
    Profile profile = entry.getValue();
    if (profile == null || profile.isTombstone() || profile.propensity().asOfEventCount() > score.asOfEventCount()) {
      return false;
    }
    entry.setValue(profile.withPropensity(score));
    return true;
  }
}
