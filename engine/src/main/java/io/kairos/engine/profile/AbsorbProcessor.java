package io.kairos.engine.profile;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * Second half of a merge: folds the merged-away profile's final state into the survivor with
 * {@link ProfileMerge}. If the survivor has itself been merged away meanwhile, its tombstone is
 * returned unchanged and the caller absorbs into the next survivor.
 */
public record AbsorbProcessor(Profile merged, ProfileRules rules) implements EntryProcessor<String, Profile, Profile> {

  @Override
  public Profile process(Map.Entry<String, Profile> entry) {
    Profile held = entry.getValue() != null ? entry.getValue() : Profile.empty(entry.getKey());
    if (held.isTombstone()) {
      return held;
    }
    Profile combined = ProfileMerge.combine(held, merged, rules);
    entry.setValue(combined);
    return combined;
  }
}
