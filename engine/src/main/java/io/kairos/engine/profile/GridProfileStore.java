package io.kairos.engine.profile;

import com.hazelcast.map.IMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Profiles in a Hazelcast {@link IMap}, updated only through entry processors. Uses the
 * synchronous API: on the embedded member a call costs tens of microseconds, far less than an
 * async invocation's completion hop, and callers run it on worker threads.
 */
public final class GridProfileStore implements ProfileStore {

  public static final String MAP_NAME = "profiles";

  private final IMap<String, Profile> map;
  private final ProfileRules rules;

  public GridProfileStore(IMap<String, Profile> map, ProfileRules rules) {
    this.map = map;
    this.rules = rules;
  }

  @Override
  public Map<String, Profile> apply(Map<String, List<ProfileChange>> changesByProfile) {
    ApplyChangesProcessor processor = new ApplyChangesProcessor(changesByProfile, rules);
    if (changesByProfile.size() == 1) {
      String id = changesByProfile.keySet().iterator().next();
      Map<String, Profile> out = new HashMap<>();
      out.put(id, map.executeOnKey(id, processor));
      return out;
    }
    return map.executeOnKeys(changesByProfile.keySet(), processor);
  }

  @Override
  public Profile get(String profileId) {
    return map.get(profileId);
  }

  @Override
  public boolean setPropensity(String profileId, PropensityState score) {
    return Boolean.TRUE.equals(map.executeOnKey(profileId, new SetPropensityProcessor(score)));
  }

  @Override
  public boolean delete(String profileId) {
    return map.remove(profileId) != null;
  }

  @Override
  public void putAll(Map<String, Profile> profiles) {
    map.putAll(profiles);
  }
}
