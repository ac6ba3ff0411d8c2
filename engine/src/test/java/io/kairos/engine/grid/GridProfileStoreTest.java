package io.kairos.engine.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.profile.CartItem;
import io.kairos.engine.profile.Consent;
import io.kairos.engine.profile.GridProfileStore;
import io.kairos.engine.profile.Interaction;
import io.kairos.engine.profile.Profile;
import io.kairos.engine.profile.ProfileChange;
import io.kairos.engine.profile.ProfileRules;
import io.kairos.engine.profile.PropensityState;
import io.kairos.engine.profile.SentimentState;
import io.kairos.engine.profile.SessionState;
import io.kairos.engine.profile.TraitOrigin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Profiles in a real embedded Hazelcast member: Compact round trip and no lost updates under contention. */
class GridProfileStoreTest {

  static HazelcastInstance member;
  static GridProfileStore store;
  static IMap<String, Profile> map;
  static final ProfileRules RULES = new ProfileRules(20, 30 * 60_000L);

  @BeforeAll
  static void startMember() {
    member = GridMember.start(new KairosConfig.Grid("test-" + UUID.randomUUID(), 20, 30, 0), "grid-test-" + UUID.randomUUID());
    map = member.getMap(GridProfileStore.MAP_NAME);
    store = new GridProfileStore(map, RULES);
  }

  @AfterAll
  static void stopMember() {
    member.shutdown();
  }

  @Test
  void compactRoundTripKeepsEveryField() {
    Profile p = new Profile("rt-1", List.of("userId:u-1", "email:a@b.c"), List.of("phone:12"), 1, 2, 3, Map.of("page_view", 2L, "purchase", 1L),
        Map.of("web", 3L), List.of(new CartItem("sku-1", 2, 9.5)), 1, 19.0, 2, Map.of("tier", "\"gold\""), Map.of("tier", new TraitOrigin("web", 2)),
        new SentimentState(-0.5, "negative", "en", -0.2, 2, 5, Map.of("web", -0.2, "email", 0.4), 5, "web",
            "Broken on arrival"), new PropensityState(0.3, "m@1", 6, 3),
        new SessionState(1, 2, 1, 0, 0, 1, 4.5, 2, 9.0, 12.0, "product_related", 1, 7, "search"),
        List.of(new Interaction("purchase", "web", 2, "total=19"), new Interaction("page_view", "web", 1, null)),
        Map.of("marketing_email", new Consent("denied", "call_center", 7), "personalization", new Consent("granted", "web", 3)), null);
    map.put(p.profileId(), p);
    assertThat(map.get(p.profileId())).isEqualTo(p);
    assertThat(map.getLocalMapStats().getOwnedEntryMemoryCost()).isPositive();
  }

  @Test
  void oneCallAppliesABatchAcrossProfilesInOrder() {
    ProfileChange view = new ProfileChange("page_view", ProfileChange.PRODUCT_RELATED, 1_700_000_000_000L, "web",
        List.of("anonymousId:x"), null, 1, 0, -1, 0, Map.of(), null, null, 0, null, List.of(), Map.of());
    Map<String, Profile> updated = store.apply(Map.of("b1", List.of(view, view), "b2", List.of(view)));
    assertThat(updated).hasSize(2);
    assertThat(updated.get("b1").eventCount()).isEqualTo(2);
    assertThat(store.get("b2").eventCount()).isEqualTo(1);
  }

  /**
   * With the near cache on, a write's caller reads its own write at once, even while other threads
   * keep reading (and so re-caching) the same key between the write's submission and its application.
   */
  @Test
  void nearCachedReadsSeeEveryWriteOfTheirOwnMember() throws Exception {
    HazelcastInstance cached = GridMember.start(new KairosConfig.Grid("nc-" + UUID.randomUUID(), 20, 30, 1_000), "nc-" + UUID.randomUUID());
    try {
      GridProfileStore nc = new GridProfileStore(cached.getMap(GridProfileStore.MAP_NAME), RULES);
      int stale = staleReadsOfHot(nc, 2, 4, 300, (writer, c) -> Map.of("hot", List.of(c)));
      assertThat(stale).as("reads older than the reader's own completed write").isZero();
      assertThat(nc.get("hot").eventCount()).isEqualTo(1_200);
      assertThat(cached.getMap(GridProfileStore.MAP_NAME).getLocalMapStats().getNearCacheStats().getHits()).isPositive();
      assertThat(nc.getIfCached("hot")).as("served from the near cache without a grid call").isEqualTo(nc.get("hot"));
      assertThat(nc.getIfCached("never-written")).isNull();
      assertThat(store.getIfCached("hot")).as("no near cache configured").isNull();
    } finally {
      cached.shutdown();
    }
  }

  /**
   * The same for batches: {@code executeOnKeys} invalidates the near cache as it submits, but runs on each
   * partition later, so a concurrent miss could fetch the old value after that invalidation and cache it
   * until the next write. The store invalidates the batch's keys again once the batch has run.
   */
  @Test
  void nearCachedReadsSeeEveryBatchOfTheirOwnMember() throws Exception {
    HazelcastInstance cached = GridMember.start(new KairosConfig.Grid("ncb-" + UUID.randomUUID(), 20, 30, 1_000), "ncb-" + UUID.randomUUID());
    try {
      GridProfileStore nc = new GridProfileStore(cached.getMap(GridProfileStore.MAP_NAME), RULES);
      int stale = staleReadsOfHot(nc, 3, 3, 400, (writer, c) -> {
        Map<String, List<ProfileChange>> batch = new java.util.HashMap<>();
        batch.put("hot", List.of(c));
        for (int k = 0; k < 8; k++) {
          batch.put("cold-" + writer + "-" + k, List.of(c));
        }
        return batch;
      });
      assertThat(stale).as("reads older than the reader's own completed batch").isZero();
      assertThat(nc.get("hot").eventCount()).isEqualTo(1_200);
    } finally {
      cached.shutdown();
    }
  }

  /**
   * {@code writers} threads each apply {@code rounds} batches that include profile "hot" while {@code readers}
   * threads keep reading it; returns how often a writer then read "hot" older than the batch it had just applied.
   */
  private static int staleReadsOfHot(GridProfileStore nc, int readers, int writers, int rounds,
      java.util.function.BiFunction<Integer, ProfileChange, Map<String, List<ProfileChange>>> batchOf) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(readers + writers);
    java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
    List<Future<?>> reading = new ArrayList<>();
    for (int r = 0; r < readers; r++) {
      reading.add(pool.submit(() -> {
        while (writing.get()) {
          nc.get("hot");
        }
      }));
    }
    List<Future<Integer>> staleCounts = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      staleCounts.add(pool.submit(() -> {
        int stale = 0;
        for (int i = 0; i < rounds; i++) {
          ProfileChange c = new ProfileChange("page_view", ProfileChange.PRODUCT_RELATED, 1_700_000_000_000L + i, "web",
              List.of("anonymousId:nc"), null, 1, 0, -1, 0, Map.of(), null, null, 0, null, List.of(), Map.of());
          long written = nc.apply(batchOf.apply(writer, c)).get("hot").eventCount();
          if (nc.get("hot").eventCount() < written) {
            stale++;
          }
        }
        return stale;
      }));
    }
    int stale = 0;
    try {
      for (Future<Integer> f : staleCounts) {
        stale += f.get();
      }
    } finally {
      writing.set(false);
      for (Future<?> f : reading) {
        f.get();
      }
      pool.shutdown();
    }
    return stale;
  }

  @Test
  void noLostUpdatesWhenManyThreadsHitOneProfile() throws Exception {
    int threads = 16;
    int perThread = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(pool.submit(() -> {
        for (int i = 0; i < perThread; i++) {
          ProfileChange c = new ProfileChange("add_to_cart", ProfileChange.PRODUCT_RELATED, 1_700_000_000_000L + i, "web",
              List.of("anonymousId:t" + thread), "sku-" + (i % 5), 1, 2.0, -1, 0, Map.of(), null, null, 0, null, List.of(), Map.of());
          store.apply(Map.of("hot", List.of(c)));
        }
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    Profile hot = store.get("hot");
    assertThat(hot.eventCount()).isEqualTo(threads * perThread);
    assertThat(hot.eventCounts()).containsEntry("add_to_cart", (long) threads * perThread);
    assertThat(hot.cart().stream().mapToLong(CartItem::quantity).sum()).isEqualTo(threads * perThread);
    assertThat(hot.identifiers()).hasSize(threads);
  }

  @Test
  void eventsArrivingForBothProfilesWhileTheyMergeCountExactlyOnce() throws Exception {
    KairosConfig.Grid pair = new KairosConfig.Grid("merge-" + UUID.randomUUID(), 20, 30, 0);
    HazelcastInstance a = GridMember.start(pair, "merge-a-" + UUID.randomUUID(), List.of("127.0.0.1"));
    HazelcastInstance b = GridMember.start(pair, "merge-b-" + UUID.randomUUID(), List.of("127.0.0.1"));
    try {
      assertThat(a.getCluster().getMembers()).hasSize(2);
      List<GridProfileStore> oneMember = List.of(store);
      List<GridProfileStore> twoMembers = List.of(new GridProfileStore(a.getMap(GridProfileStore.MAP_NAME), RULES),
          new GridProfileStore(b.getMap(GridProfileStore.MAP_NAME), RULES));
      for (List<GridProfileStore> stores : List.of(oneMember, twoMembers)) {
        String survivor = "s-" + UUID.randomUUID();
        String merged = "t-" + UUID.randomUUID();
        int threads = 8;
        int perThread = 150;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int thread = t;
          GridProfileStore s = stores.get(t % stores.size());
          done.add(pool.submit(() -> {
            for (int i = 0; i < perThread; i++) {
              ProfileChange c = new ProfileChange("add_to_cart", ProfileChange.PRODUCT_RELATED, 1_700_000_000_000L + i, "web",
                  List.of("anonymousId:m" + thread), "sku-" + (i % 3), 1, 2.0, -1, 0, Map.of(), null, null, 0, null, List.of(),
                  Map.of());
              s.apply(Map.of(thread % 2 == 0 ? survivor : merged, List.of(c)));
            }
          }));
        }
        done.add(pool.submit(() -> {
          while (stores.get(0).get(merged) == null || stores.get(0).get(merged).eventCount() < perThread) {
            Thread.onSpinWait();
          }
          assertThat(stores.get(stores.size() - 1).merge(merged, survivor)).isNotNull();
          assertThat(stores.get(0).merge(merged, survivor)).as("merging twice does nothing").isNull();
          return null;
        }));
        for (Future<?> f : done) {
          f.get();
        }
        pool.shutdown();
        Profile one = stores.get(0).get(survivor);
        assertThat(one.eventCount()).as(stores.size() + " member(s)").isEqualTo(threads * perThread);
        assertThat(one.cart().stream().mapToLong(CartItem::quantity).sum()).isEqualTo(threads * perThread);
        assertThat(one.identifiers()).hasSize(threads);
        assertThat(stores.get(0).get(merged)).as("the merged-away id answers with the survivor").isEqualTo(one);
      }
    } finally {
      a.shutdown();
      b.shutdown();
    }
  }
}
