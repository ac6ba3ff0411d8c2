package io.kairos.engine.ingest;

import io.kairos.engine.enrich.PropensityScorer;
import io.kairos.engine.identity.Identifier;
import io.kairos.engine.identity.IdentityResolver;
import io.kairos.engine.profile.Profile;
import io.kairos.engine.profile.ProfileChange;
import io.kairos.engine.profile.ProfileMerge;
import io.kairos.engine.profile.ProfileRules;
import io.kairos.engine.profile.ProfileStore;
import io.kairos.engine.profile.ProfileUpdater;
import io.kairos.engine.profile.PropensityState;
import io.kairos.engine.store.EventLog;
import io.kairos.engine.store.MergeLog;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the grid at start from the durable history: the last snapshot when there is one
 * ({@link Start}), then every event stored after it, applied with the same {@link ProfileUpdater}
 * as the live path; recorded merges after it are re-applied, identifier links restored (pointing
 * at survivors), and changed profiles rescored. Without a snapshot the whole history is replayed
 * and every profile scored. Blocking; runs before the HTTP API listens.
 */
public final class EventReplay {

  private static final Logger LOG = LoggerFactory.getLogger(EventReplay.class);
  private static final int CHUNK = 10_000;

  private EventReplay() {}

  /**
   * Where replay starts: the state after the first {@code eventSeq} events and {@code mergeSeq} merge
   * records (both maps are taken over and changed in place).
   */
  public record Start(long eventSeq, long mergeSeq, Map<String, Profile> profiles, Map<String, String> links) {

    /** An empty grid before the first event. */
    public static Start empty() {
      return new Start(0, 0, new HashMap<>(), new HashMap<>());
    }

    boolean isEmpty() {
      return eventSeq == 0 && profiles.isEmpty();
    }
  }

  /** Returns the number of events replayed after the start. */
  public static long run(Start start, EventLog log, MergeLog merges, ProfileStore profiles, IdentityResolver identity,
      PropensityScorer scorer, ProfileRules rules, long now) {
    long begin = System.nanoTime();
    boolean fromSnapshot = !start.isEmpty();
    Map<String, Profile> state = start.profiles();
    Map<String, String> links = start.links();
    Set<String> changed = new HashSet<>();
    long n = log.replayAfter(start.eventSeq(), row -> {
      EnrichedEvent e = EventJson.fromJson(new JsonObject(row.body()));
      // Only the identifiers the live path linked to this profile: one it carried that stayed with another (a refused
      // merge) would otherwise go to whichever event was stored first, not to the profile that won it live.
      e.linkedIdentifiers().forEach((type, value) -> links.putIfAbsent(Identifier.key(type, value), e.profileId()));
      // Without a snapshot no profile is merged away yet (merges come after); after one, an event stored under a
      // merged-away id joins its survivor, as on the live path.
      String target = live(state, e.profileId());
      Profile current = state.computeIfAbsent(target, Profile::empty);
      state.put(target, ProfileUpdater.apply(current, ProfileChange.of(e), rules));
      changed.add(target);
    });
    if (n == 0 && !fromSnapshot) {
      return 0;
    }
    int merged = applyMerges(merges.after(start.mergeSeq()), state, rules, changed);
    links.replaceAll((key, owner) -> live(state, owner));
    String version = scorer.modelVersion();
    List<Profile> rescore = new ArrayList<>();
    Map<String, Profile> kept = new HashMap<>();
    for (Profile p : state.values()) {
      boolean stale = !p.isTombstone() && (!fromSnapshot || changed.contains(p.profileId())
          || !Objects.equals(p.propensity().modelVersion(), version));
      if (stale) {
        rescore.add(p);
      } else {
        kept.put(p.profileId(), p);
      }
    }
    putInChunks(kept, profiles);
    for (int i = 0; i < rescore.size(); i += CHUNK) {
      List<Profile> chunk = rescore.subList(i, Math.min(rescore.size(), i + CHUNK));
      Map<String, PropensityState> scores = scorer.score(chunk, now);
      Map<String, Profile> batch = new HashMap<>();
      for (Profile p : chunk) {
        PropensityState s = scores.get(p.profileId());
        batch.put(p.profileId(), s == null ? p : p.withPropensity(s));
      }
      profiles.putAll(batch);
    }
    identity.restore(links);
    LOG.info("started from {} (event {}), replayed {} events and {} merges into {} profiles ({} rescored) in {} ms",
        fromSnapshot ? "the snapshot" : "an empty grid", start.eventSeq(), n, merged, state.size(), rescore.size(),
        (System.nanoTime() - begin) / 1_000_000);
    return n;
  }

  private static void putInChunks(Map<String, Profile> all, ProfileStore profiles) {
    Map<String, Profile> batch = new HashMap<>();
    for (Map.Entry<String, Profile> e : all.entrySet()) {
      batch.put(e.getKey(), e.getValue());
      if (batch.size() == CHUNK) {
        profiles.putAll(batch);
        batch = new HashMap<>();
      }
    }
    if (!batch.isEmpty()) {
      profiles.putAll(batch);
    }
  }

  /**
   * Re-applies the recorded merges in order, after every stored event has been folded into the
   * profile id it was stored under: the same {@link ProfileMerge} as the live path, so counters come
   * out exact (events stored under a merged-away id after its merge are absorbed too).
   */
  public static int applyMerges(List<MergeLog.MergeRecord> merges, Map<String, Profile> state, ProfileRules rules,
      Set<String> changed) {
    int applied = 0;
    for (MergeLog.MergeRecord r : merges) {
      Profile away = state.get(r.mergedId());
      if (!r.merged() || (away != null && away.isTombstone())) {
        continue;
      }
      String survivor = live(state, r.survivorId());
      Profile into = state.getOrDefault(survivor, Profile.empty(survivor));
      state.put(survivor, ProfileMerge.combine(into, away != null ? away : Profile.empty(r.mergedId()), rules));
      state.put(r.mergedId(), Profile.tombstone(r.mergedId(), survivor));
      changed.add(survivor);
      applied++;
    }
    return applied;
  }

  /** The live profile id an id stands for after merges. */
  private static String live(Map<String, Profile> state, String id) {
    String current = id;
    for (Profile p = state.get(current); p != null && p.isTombstone(); p = state.get(current)) {
      current = p.mergedInto();
    }
    return current;
  }
}
