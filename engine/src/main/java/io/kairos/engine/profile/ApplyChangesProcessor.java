package io.kairos.engine.profile;

import com.hazelcast.map.EntryProcessor;
import java.util.List;
import java.util.Map;

/**
 * Applies each profile's share of an ingest batch, in order, atomically on the partition that
 * owns the profile, and returns the new state. One processor instance serves all the batch's keys
 * ({@code IMap.executeOnKeys}) and picks each entry's changes by key. No I/O and no inference here.
 * A merged-away profile (tombstone) is left as it is and returned, so the caller sends its changes
 * to the survivor.
 */
public record ApplyChangesProcessor(Map<String, List<ProfileChange>> changesByProfile, ProfileRules rules)
    implements EntryProcessor<String, Profile, Profile> {

  @Override
  public Profile process(Map.Entry<String, Profile> entry) {
    Profile profile = entry.getValue() != null ? entry.getValue() : Profile.empty(entry.getKey());
    if (profile.isTombstone()) {
      return profile;
    }
    for (ProfileChange change : changesByProfile.getOrDefault(entry.getKey(), List.of())) {
      profile = ProfileUpdater.apply(profile, change, rules);
    }
    entry.setValue(profile);
    return profile;
  }
}
