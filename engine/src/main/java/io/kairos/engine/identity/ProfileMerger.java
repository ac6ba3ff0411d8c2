package io.kairos.engine.identity;

import com.hazelcast.map.IMap;
import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.profile.GridProfileStore;
import io.kairos.engine.profile.Profile;
import io.kairos.engine.profile.ProfileStore;
import io.kairos.engine.store.MergeLog;
import io.kairos.engine.store.MergeLog.MergeRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges the two profiles an event links, or refuses with a reason; either decision is durable
 * before the event is acknowledged, so replay re-applies exactly the merges that happened.
 *
 * <p>The survivor is the smaller profile id: a total order, so concurrent merges always point the
 * same way and cannot form a cycle. Refused: identifier types that never merge
 * ({@code identity.neverMergeTypes}), two profiles holding different values of an exclusive type
 * (two userIds), and merges that would exceed {@code identity.maxAnonymousIds}. Blocking: runs on
 * grid workers.
 */
public final class ProfileMerger {

  private static final Logger LOG = LoggerFactory.getLogger(ProfileMerger.class);
  private static final int MAX_REMEMBERED_REFUSALS = 10_000;
  /** Prefix of the links-map key locked while a profile is being merged away (a lock only: no entry is written). */
  private static final String MERGING = "~merging:";
  private static final long LOCK_LEASE_SECONDS = 30;
  private static final int MAX_ATTEMPTS = 16;

  private final IMap<String, String> links;
  private final ProfileStore profiles;
  private final MergeLog log;
  private final KairosConfig.Identity rules;
  private final Clock clock;
  private final MergeListener listener;
  /** Pairs refused recently: a person who keeps browsing on a friend's computer is not re-checked and re-logged on every event. */
  private final Map<String, Boolean> recentRefusals = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > MAX_REMEMBERED_REFUSALS;
    }
  });
  private final AtomicLong merged = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  public ProfileMerger(IMap<String, String> links, ProfileStore profiles, MergeLog log, KairosConfig.Identity rules, Clock clock) {
    this(links, profiles, log, rules, clock, MergeListener.NONE);
  }

  public ProfileMerger(IMap<String, String> links, ProfileStore profiles, MergeLog log, KairosConfig.Identity rules, Clock clock,
      MergeListener listener) {
    this.links = links;
    this.profiles = profiles;
    this.log = log;
    this.rules = rules;
    this.clock = clock;
    this.listener = listener;
  }

  /** The live profile an id stands for: itself, or its survivor after merges. */
  public String canonical(String profileId) {
    Profile p = profiles.get(profileId);
    return p == null ? profileId : p.profileId();
  }

  /**
   * Merges {@code other} and {@code target} (the profile the event was going to) unless a rule
   * refuses. Returns the profile the event belongs to now, the survivor, or null when refused (the event
   * stays with {@code target} and the linking identifier with {@code other}).
   *
   * <p>Merges that touch one profile run one at a time, under grid locks on both profiles. Two events linking
   * the same anonymous profile to two accounts at once otherwise both recorded a merge of it, into
   * different survivors; the grid applied whichever tombstoned it first, and a replay the one recorded
   * first, so after a restart the cookie could belong to the other account ({@code IdentityRaceJourneyTest}
   * failed 4 of 7 runs). And a merge into a profile that was itself being merged away found that profile's
   * userId slot sealed and refused as "different userId values" ({@code ProfileMergerTest}). Under the locks,
   * a merge that finds either profile merged away meanwhile merges with (or is refused by) its survivor
   * instead, which is what a replay of the log does.
   */
  public String mergeOrRefuse(String target, String other, Identifier linking, String messageId) {
    String live = target;
    String owner = other;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (live.equals(owner)) {
        return live;
      }
      String survivor = live.compareTo(owner) <= 0 ? live : owner;
      String away = survivor.equals(live) ? owner : live;
      // Both profiles, the smaller id first in every merge, so no two merges wait on each other.
      links.lock(MERGING + survivor, LOCK_LEASE_SECONDS, TimeUnit.SECONDS);
      try {
        links.lock(MERGING + away, LOCK_LEASE_SECONDS, TimeUnit.SECONDS);
        try {
          if (canonical(away).equals(away) && canonical(survivor).equals(survivor)) {
            return mergeLocked(live, owner, linking, messageId);
          }
        } finally {
          links.unlock(MERGING + away);
        }
      } finally {
        links.unlock(MERGING + survivor);
      }
      live = canonical(live); // merged away while this event waited: the same people, under their survivor
      owner = canonical(owner);
    }
    throw new IllegalStateException("profiles " + target + " and " + other + " kept being merged away during " + MAX_ATTEMPTS
        + " attempts");
  }

  /** {@link #mergeOrRefuse} for a pair whose merged-away profile this thread holds the lock of. */
  private String mergeLocked(String target, String other, Identifier linking, String messageId) {
    String survivor = target.compareTo(other) <= 0 ? target : other;
    String away = survivor.equals(target) ? other : target;
    String pair = survivor + " " + away + " " + linking.type();
    if (recentRefusals.containsKey(pair)) {
      return null;
    }
    // The rules in their order: never-merge types, then the exclusive types (checked by reserving them), then the cap.
    String reason = rules.neverMergeTypes().contains(linking.type())
        ? linking.type() + " links events to a profile but never merges two profiles (identity.neverMergeTypes)" : null;
    List<Runnable> release = new ArrayList<>();
    if (reason == null) {
      reason = reserveExclusives(survivor, away, release);
    }
    if (reason == null) {
      reason = anonymousCap(survivor, away);
      if (reason != null) {
        release.forEach(Runnable::run);
      }
    }
    long now = clock.millis();
    if (reason != null) {
      recentRefusals.put(pair, Boolean.TRUE);
      log.record(new MergeRecord(now, survivor, away, linking.key(), messageId, false, reason)).join();
      refused.incrementAndGet();
      LOG.debug("merge of {} into {} refused: {}", away, survivor, reason);
      return null;
    }
    try {
      log.record(new MergeRecord(now, survivor, away, linking.key(), messageId, true, null)).join();
    } catch (RuntimeException e) {
      release.forEach(Runnable::run); // not merged: the slots are free again
      throw e;
    }
    Profile result = profiles.merge(away, survivor);
    if (result == null) {
      return canonical(target); // a tombstone already (the lock is leased: a merge that outlived its lease)
    }
    relink(away, result.profileId(), result.identifiers());
    listener.merged(away, result.profileId());
    merged.incrementAndGet();
    return result.profileId();
  }

  /** The refusal when the merged profile would hold more anonymous ids than {@code identity.maxAnonymousIds}, else null. */
  private String anonymousCap(String survivor, String away) {
    Set<String> candidates = new HashSet<>();
    for (String id : List.of(survivor, away)) {
      Profile p = profiles.get(id);
      if (p != null) {
        p.identifiers().stream().filter(k -> k.startsWith("anonymousId:")).forEach(candidates::add);
      }
    }
    // Count the anonymous ids actually linked to either profile (a profile replayed from events stored before they recorded
    // their unlinked identifiers also lists ids that stayed with another profile).
    long anonymous = links.getAll(candidates).values().stream().filter(owner -> owner.equals(survivor) || owner.equals(away)).count();
    if (anonymous > rules.maxAnonymousIds()) {
      return "the merged profile would hold " + anonymous + " anonymous ids; the limit is " + rules.maxAnonymousIds()
          + " (identity.maxAnonymousIds)";
    }
    return null;
  }

  /**
   * The exclusive-type rule (two profiles holding different userIds are not merged), checked and made to
   * hold while the merge runs in one step per type: the merged-away profile's slot is sealed if empty (no
   * event can claim it any more, during the merge or after, when it is a tombstone), or its value is
   * claimed in the survivor's slot, which fails when the survivor holds another. Checked with plain reads,
   * a login of another account could claim the survivor's (or the merged-away profile's) empty slot
   * between the check and the merge, and two accounts ended on one profile (found by
   * {@code IdentityRaceJourneyTest}). Returns the refusal, having released what this call sealed or
   * claimed; otherwise {@code undo} receives the steps that release it, for a merge refused or failing later.
   */
  private String reserveExclusives(String survivor, String away, List<Runnable> undo) {
    for (String type : rules.exclusiveTypes()) {
      String awaySlot = GridIdentityResolver.exclusiveKey(type, away);
      String held = links.putIfAbsent(awaySlot, GridIdentityResolver.SEALED);
      if (held == null) {
        undo.add(() -> links.remove(awaySlot, GridIdentityResolver.SEALED));
        continue;
      }
      if (held.equals(GridIdentityResolver.SEALED)) {
        continue; // sealed by a merge whose lease ran out (under the locks this profile is live); profiles.merge finds out
      }
      String survivorSlot = GridIdentityResolver.exclusiveKey(type, survivor);
      String had = links.putIfAbsent(survivorSlot, held);
      if (had == null) {
        undo.add(() -> links.remove(survivorSlot, held));
      } else if (!had.equals(held)) {
        undo.forEach(Runnable::run);
        undo.clear();
        return "the profiles hold different " + type + " values (identity.exclusiveTypes)";
      }
    }
    return null;
  }

  /** Points the merged profile's links at the survivor; its exclusive slots stay sealed ({@link #reserveExclusives}). */
  private void relink(String away, String survivor, List<String> identifierKeys) {
    Set<String> keys = new HashSet<>(identifierKeys);
    keys.add(Identifier.key("profileId", away));
    GridProfileStore.executeOnKeys(links, keys, new RelinkProcessor(away, survivor));
    for (String type : rules.exclusiveTypes()) {
      links.set(GridIdentityResolver.exclusiveKey(type, away), GridIdentityResolver.SEALED);
    }
  }

  public long merges() {
    return merged.get();
  }

  public long refusals() {
    return refused.get();
  }
}
