package io.kairos.engine.profile;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * First half of a merge: replaces the merged-away profile with a tombstone pointing at the survivor
 * and returns the state it had, which the survivor then absorbs. Changes that reach the tombstone
 * afterwards are handed back (see {@link ApplyChangesProcessor}) and go to the survivor, so every
 * event counts exactly once. If the profile is a tombstone already, it is returned unchanged.
 */
public record TombstoneProcessor(String survivor) implements EntryProcessor<String, Profile, Profile> {

  @Override
  public Profile process(Map.Entry<String, Profile> entry) {
    Profile held = entry.getValue();
    if (held != null && held.isTombstone()) {
      return held;
    }
    entry.setValue(Profile.tombstone(entry.getKey(), survivor));
    return held != null ? held : Profile.empty(entry.getKey());
  }
}
