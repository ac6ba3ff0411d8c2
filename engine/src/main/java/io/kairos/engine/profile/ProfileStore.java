package io.kairos.engine.profile;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Where hot profiles live. All calls are asynchronous and safe from any thread. */
public interface ProfileStore {

  /** Applies each profile's changes atomically (creating profiles as needed); completes with the new states. */
  CompletionStage<Map<String, Profile>> apply(Map<String, List<ProfileChange>> changesByProfile);

  /** The profile, or null when there is none. */
  CompletionStage<Profile> get(String profileId);

  /** Stores a score unless a newer one is already there; completes with whether it was stored. */
  CompletionStage<Boolean> setPropensity(String profileId, PropensityState score);

  /** Bulk load at start (replay); blocking. */
  void putAll(Map<String, Profile> profiles);

  int size();
}
