package io.kairos.engine.profile;

import com.hazelcast.map.EntryProcessor;
import java.util.List;
import java.util.Map;

/**
 * Applies a profile's share of an ingest batch, in order, atomically on the partition that owns the
 * profile, and returns the new state. No I/O and no inference happen here.
 */
public record ApplyChangesProcessor(List<ProfileChange> changes, ProfileRules rules)
    implements EntryProcessor<String, Profile, Profile> {

  @Override
  public Profile process(Map.Entry<String, Profile> entry) {
    Profile profile = entry.getValue() != null ? entry.getValue() : Profile.empty(entry.getKey());
    for (ProfileChange change : changes) {
      profile = ProfileUpdater.apply(profile, change, rules);
    }
    entry.setValue(profile);
    return profile;
  }
}
