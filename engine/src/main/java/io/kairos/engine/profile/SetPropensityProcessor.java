package io.kairos.engine.profile;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * Stores each profile's propensity score unless the profile already holds one computed from newer
 * state; one instance serves a whole batch ({@code executeOnKeys}). Returns true when stored.
 */
public record SetPropensityProcessor(Map<String, PropensityState> scores) implements EntryProcessor<String, Profile, Boolean> {

  @Override
  public Boolean process(Map.Entry<String, Profile> entry) {
    PropensityState score = scores.get(entry.getKey());
    Profile profile = entry.getValue();
    if (score == null || profile == null || profile.isTombstone() || profile.propensity().asOfEventCount() > score.asOfEventCount()) {
      return false;
    }
    entry.setValue(profile.withPropensity(score));
    return true;
  }
}
