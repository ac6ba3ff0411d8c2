package io.kairos.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.grid.GridMember;
import io.kairos.engine.profile.GridProfileStore;
import io.kairos.engine.profile.Profile;
import io.kairos.engine.profile.ProfileChange;
import io.kairos.engine.profile.ProfileRules;
import io.kairos.engine.store.MergeLog;
import io.kairos.engine.store.MergeLog.MergeRecord;
import io.kairos.engine.store.SqliteDatabase;
import io.kairos.engine.store.SqliteMergeLog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merge rules on a real member and a real merge log: never-merge types, two userIds, the anonymous-id cap. */
class ProfileMergerTest {

  static final KairosConfig.Identity RULES = new KairosConfig.Identity("US", List.of(), 16, false, List.of("userId"),
      List.of("deviceId"), 3);

  @TempDir Path dir;
  HazelcastInstance member;
  SqliteDatabase db;
  SqliteMergeLog log;
  GridProfileStore profiles;
  GridIdentityResolver resolver;

  @BeforeEach
  void start() {
    member = GridMember.start(new KairosConfig.Grid("merger-" + UUID.randomUUID(), 20, 30, 0), "merger-" + UUID.randomUUID());
    db = new SqliteDatabase(dir, false, SqliteMergeLog.SCHEMA);
    log = new SqliteMergeLog(db);
    profiles = new GridProfileStore(member.getMap(GridProfileStore.MAP_NAME), new ProfileRules(20, 1_800_000));
    IMap<String, String> links = member.getMap(GridIdentityResolver.MAP_NAME);
    resolver = new GridIdentityResolver(links, new IdentifierCleaner(RULES),
        new ProfileMerger(links, profiles, log, RULES, Clock.systemUTC()));
  }

  @AfterEach
  void stop() {
    db.close();
    member.shutdown();
  }

  /** Resolves and applies one event, as ingest does. */
  String event(Map<String, String> ids) {
    String id = resolver.resolve(ids, null);
    List<String> keys = ids.entrySet().stream().map(e -> Identifier.key(e.getKey(), e.getValue())).toList();
    profiles.apply(Map.of(id, List.of(new ProfileChange("page_view", null, 1_700_000_000_000L, "web", keys, null, 1, 0, -1, 0,
        Map.of(), null, null, 0, null, List.of(), Map.of()))));
    return id;
  }

  /**
   * A merge whose record cannot be written (the store is gone) is not made, and the userId slot it reserved
   * is released: the anonymous profile can still take a login afterwards instead of being sealed for good.
   */
  @Test
  void aMergeThatCannotBeRecordedReleasesItsSlots() {
    String anonymous = event(Map.of("anonymousId", "lost-cookie"));
    String account = event(Map.of("userId", "u-lost"));
    IMap<String, String> links = member.getMap(GridIdentityResolver.MAP_NAME);
    db.close();
    assertThatThrownBy(() -> resolver.resolve(Map.of("userId", "u-lost", "anonymousId", "lost-cookie"), null))
        .as("the merge record fails with the store closed").isInstanceOf(RuntimeException.class);
    // Whichever id survives, the reservation touched only the anonymous profile's slot: sealed when it was to be merged away,
    // given u-lost when it was to survive. Either way it must be empty again.
    assertThat(links.get(GridIdentityResolver.exclusiveKey("userId", anonymous))).as("the anonymous profile's userId slot").isNull();
    assertThat(links.get(GridIdentityResolver.exclusiveKey("userId", account))).isEqualTo("u-lost");
    assertThat(profiles.get(anonymous).isTombstone()).isFalse();
    assertThat(profiles.get(account).isTombstone()).isFalse();
  }

  @Test
  void aSharedTabletNeverMergesItsUsers() {
    String mum = event(Map.of("anonymousId", "mum-cookie", "deviceId", "tablet"));
    String kid = event(Map.of("anonymousId", "kid-cookie"));
    assertThat(event(Map.of("anonymousId", "kid-cookie", "deviceId", "tablet"))).as("the cookie decides, not the tablet").isEqualTo(kid);
    assertThat(profiles.get(mum).profileId()).isEqualTo(mum);
    assertThat(profiles.get(kid).eventCount()).isEqualTo(2);
    MergeRecord refused = log.all().get(0);
    assertThat(refused.merged()).isFalse();
    assertThat(refused.linkingIdentifier()).isEqualTo("deviceId:tablet");
    assertThat(refused.reason()).contains("never merges");
    event(Map.of("anonymousId", "kid-cookie", "deviceId", "tablet"));
    assertThat(log.all()).as("a refusal is recorded once, not on every event").hasSize(1);
  }

  @Test
  void twoAccountsAreNeverMergedAndTheAnonymousCapHolds() {
    String ann = event(Map.of("userId", "u-ann", "anonymousId", "a1"));
    event(Map.of("userId", "u-ann", "anonymousId", "a2"));
    String bob = event(Map.of("userId", "u-bob", "anonymousId", "b1"));
    assertThat(event(Map.of("userId", "u-ann", "anonymousId", "b1"))).isEqualTo(ann);
    assertThat(log.all()).last().satisfies(r -> assertThat(r.reason()).contains("different userId"));

    String guest = event(Map.of("crmId", "c-9", "anonymousId", "g1"));
    event(Map.of("crmId", "c-9", "anonymousId", "g2"));
    assertThat(event(Map.of("userId", "u-ann", "anonymousId", "g1"))).isEqualTo(ann);
    assertThat(log.all()).last().satisfies(r -> {
      assertThat(r.merged()).isFalse();
      assertThat(r.reason()).contains("4 anonymous ids; the limit is 3");
    });
    assertThat(profiles.get(guest).profileId()).isEqualTo(guest);
    assertThat(profiles.get(bob).profileId()).isEqualTo(bob);

    String small = event(Map.of("anonymousId", "s1"));
    String merged = event(Map.of("anonymousId", "s1", "email", "s@example.com"));
    assertThat(merged).isEqualTo(small);
    String other = event(Map.of("anonymousId", "s2"));
    String after = event(Map.of("email", "s@example.com", "anonymousId", "s2"));
    Profile one = profiles.get(after);
    assertThat(after).isEqualTo(small.compareTo(other) < 0 ? small : other);
    assertThat(one.eventCount()).isEqualTo(4);
    assertThat(log.all()).last().satisfies(r -> assertThat(r.merged()).isTrue());
  }

  /** A merge log that holds the record of one merge until released, as a slow store would. */
  record HeldMergeLog(MergeLog store, String heldMergedId, CountDownLatch entered, CountDownLatch release) implements MergeLog {
    @Override
    public CompletableFuture<Void> record(MergeRecord r) {
      if (r.merged() && r.mergedId().equals(heldMergedId)) {
        entered.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return store.record(r);
    }

    @Override
    public List<MergeRecord> after(long seq) {
      return store.after(seq);
    }

    @Override
    public long lastSeq() {
      return store.lastSeq();
    }

    @Override
    public List<MergeRecord> involving(List<String> profileIds) {
      return store.involving(profileIds);
    }
  }

  /**
   * p2 (anonymous) is being merged into p1 when an account's profile p3 is linked to p2. That merge must wait and
   * then join p3 to p1; before merges locked their survivor too, it found p2's userId slot sealed by the first merge
   * and refused it as "different userId values", though no profile holds another userId.
   */
  @Test
  void aMergeIntoAProfileBeingMergedAwayJoinsItsSurvivor() throws Exception {
    IMap<String, String> links = member.getMap(GridIdentityResolver.MAP_NAME);
    for (String[] p : new String[][] {{"p1", "anonymousId:c1"}, {"p2", "anonymousId:c2"}, {"p3", "userId:u3"}}) {
      profiles.apply(Map.of(p[0], List.of(new ProfileChange("page_view", null, 1_700_000_000_000L, "web", List.of(p[1]), null, 1, 0,
          -1, 0, Map.of(), null, null, 0, null, List.of(), Map.of()))));
      links.set(p[1], p[0]);
    }
    links.set(GridIdentityResolver.exclusiveKey("userId", "p3"), "u3");
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ProfileMerger merger = new ProfileMerger(links, profiles, new HeldMergeLog(log, "p2", entered, release), RULES, Clock.systemUTC());
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<String> first = threads.submit(() -> merger.mergeOrRefuse("p1", "p2", new Identifier("anonymousId", "c2", true), "m1"));
      assertThat(entered.await(30, TimeUnit.SECONDS)).as("the first merge is recording").isTrue();
      Future<String> second = threads.submit(() -> merger.mergeOrRefuse("p3", "p2", new Identifier("anonymousId", "c2", true), "m2"));
      // While the first merge is held, the second cannot decide: 2 s without an answer (before, it refused at once).
      assertThatThrownBy(() -> second.get(2, TimeUnit.SECONDS)).as("the second merge waits").isInstanceOf(TimeoutException.class);
      release.countDown();
      assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("p1");
      assertThat(second.get(30, TimeUnit.SECONDS)).as("the account joins p2's survivor").isEqualTo("p1");
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
    assertThat(profiles.get("p3").profileId()).isEqualTo("p1");
    assertThat(links.get("userId:u3")).isEqualTo("p1");
    assertThat(log.all()).as("two merges, no refusal").allSatisfy(r -> assertThat(r.merged()).isTrue()).hasSize(2);
  }
}
