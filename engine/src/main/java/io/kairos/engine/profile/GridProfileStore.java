package io.kairos.engine.profile;

import com.hazelcast.map.IMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Profiles in a Hazelcast {@link IMap}, updated only through entry processors. */
public final class GridProfileStore implements ProfileStore {

  public static final String MAP_NAME = "profiles";

  private final IMap<String, Profile> map;
  private final ProfileRules rules;

  public GridProfileStore(IMap<String, Profile> map, ProfileRules rules) {
    this.map = map;
    this.rules = rules;
  }

  @Override
  public CompletionStage<Map<String, Profile>> apply(Map<String, List<ProfileChange>> changesByProfile) {
    List<String> ids = new ArrayList<>(changesByProfile.keySet());
    CompletableFuture<?>[] futures = new CompletableFuture<?>[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      futures[i] = map.submitToKey(id, new ApplyChangesProcessor(changesByProfile.get(id), rules)).toCompletableFuture();
    }
    return CompletableFuture.allOf(futures).thenApply(ignored -> {
      Map<String, Profile> out = new HashMap<>();
      for (int i = 0; i < ids.size(); i++) {
        out.put(ids.get(i), (Profile) futures[i].join());
      }
      return out;
    });
  }

  @Override
  public CompletionStage<Profile> get(String profileId) {
    return map.getAsync(profileId);
  }

  @Override
  public CompletionStage<Boolean> setPropensity(String profileId, PropensityState score) {
    return map.submitToKey(profileId, new SetPropensityProcessor(score));
  }

  @Override
  public void putAll(Map<String, Profile> profiles) {
    map.putAll(profiles);
  }

  @Override
  public int size() {
    return map.size();
  }
}
