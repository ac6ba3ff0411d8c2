package io.kairos.engine.profile;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where hot profiles live. Calls block briefly (tens of microseconds on the embedded member):
 * call them from worker threads, never from an event loop; {@link #getIfCached} is the one exception.
 */
public interface ProfileStore {

  /**
   * Applies each profile's changes atomically (creating profiles as needed); changes for a
   * merged-away profile go to its survivor. Returns the new states by the id that holds them.
   */
  Map<String, Profile> apply(Map<String, List<ProfileChange>> changesByProfile);

  /** The profile, or null when there is none; a merged-away id gives its survivor's profile. */
  Profile get(String profileId);

  /**
   * {@link #get} when it can be answered without waiting (the profile is in this member's near
   * cache), else null: then call {@link #get} from a worker. Never blocks, so an event loop may call it.
   */
  Profile getIfCached(String profileId);

  /**
   * Merges {@code mergedId} into {@code survivorId}: the merged profile becomes a tombstone and the
   * survivor absorbs its state. Returns the survivor's new state, or null when {@code mergedId} had
   * been merged away already (nothing done).
   */
  Profile merge(String mergedId, String survivorId);

  /** Stores a score unless a newer one is already there; returns whether it was stored. */
  boolean setPropensity(String profileId, PropensityState score);

  /** {@link #setPropensity} for many profiles in one grid call. */
  void setPropensities(Map<String, PropensityState> scores);

  /** Removes the profile (erasure); returns whether there was one. */
  boolean delete(String profileId);

  /** Passes the live (not merged-away) profiles held by this member to {@code batch}, {@code size} at a time. */
  void forEachLocalBatch(int size, Consumer<Collection<Profile>> batch);

  /** Bulk load at start (replay). */
  void putAll(Map<String, Profile> profiles);
}
