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
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the grid from the durable event history at start: every stored event is applied with
 * the same {@link ProfileUpdater} as the live path, recorded merges are re-applied, identifier
 * links are restored (pointing at survivors), and profiles are rescored. Blocking; runs before the
 * HTTP API listens.
 */
public final class EventReplay {

  private static final Logger LOG = LoggerFactory.getLogger(EventReplay.class);
  private static final int CHUNK = 10_000;

  private EventReplay() {}

  /** Returns the number of events replayed. */
  public static long run(EventLog log, MergeLog merges, ProfileStore profiles, IdentityResolver identity, PropensityScorer scorer,
      ProfileRules rules, long now) {
    long start = System.nanoTime();
    Map<String, Profile> state = new HashMap<>();
    Map<String, String> links = new HashMap<>();
    long n = log.replay(row -> {
      EnrichedEvent e = EventJson.fromJson(new JsonObject(row.body()));
      e.event().identifiers().forEach((type, value) -> links.putIfAbsent(Identifier.key(type, value), e.profileId()));
      Profile current = state.computeIfAbsent(e.profileId(), Profile::empty);
      state.put(e.profileId(), ProfileUpdater.apply(current, ProfileChange.of(e), rules));
    });
    if (n == 0) {
      return 0;
    }
    int merged = applyMerges(merges.all(), state, rules);
    links.replaceAll((key, owner) -> live(state, owner));
    List<Profile> all = new ArrayList<>();
    Map<String, Profile> tombstones = new HashMap<>();
    for (Profile p : state.values()) {
      if (p.isTombstone()) {
        tombstones.put(p.profileId(), p);
      } else {
        all.add(p);
      }
    }
    profiles.putAll(tombstones);
    for (int i = 0; i < all.size(); i += CHUNK) {
      List<Profile> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
      Map<String, PropensityState> scores = scorer.score(chunk, now);
      Map<String, Profile> batch = new HashMap<>();
      for (Profile p : chunk) {
        PropensityState s = scores.get(p.profileId());
        batch.put(p.profileId(), s == null ? p : p.withPropensity(s));
      }
      profiles.putAll(batch);
    }
    identity.restore(links);
    LOG.info("replayed {} events and {} merges into {} profiles in {} ms", n, merged, all.size(),
        (System.nanoTime() - start) / 1_000_000);
    return n;
  }

  /**
   * Re-applies the recorded merges in order, after every stored event has been folded into the
   * profile id it was stored under: the same {@link ProfileMerge} as the live path, so counters come
   * out exact (events stored under a merged-away id after its merge are absorbed too).
   */
  public static int applyMerges(List<MergeLog.MergeRecord> merges, Map<String, Profile> state, ProfileRules rules) {
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
