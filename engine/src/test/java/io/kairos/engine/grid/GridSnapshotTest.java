package io.kairos.engine.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.identity.GridIdentityResolver;
import io.kairos.engine.profile.GridProfileStore;
import io.kairos.engine.profile.Profile;
import io.kairos.engine.store.SqliteDatabase;
import io.kairos.engine.store.SqliteSnapshotStore;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot the store cannot take is skipped with a log line: a stop never hangs or fails on it. */
class GridSnapshotTest {

  @TempDir Path dir;
  private HazelcastInstance member;

  @BeforeEach
  void start() {
    member = GridMember.start(new KairosConfig.Grid("snap-" + UUID.randomUUID(), 20, 30, 0), "snap-" + UUID.randomUUID());
  }

  @AfterEach
  void stop() {
    member.shutdown();
  }

  @Test
  void aStoreThatCannotWriteLeavesThePreviousSnapshotAndReturns() {
    IMap<String, Profile> profiles = member.getMap(GridProfileStore.MAP_NAME);
    IMap<String, String> links = member.getMap(GridIdentityResolver.MAP_NAME);
    profiles.set("p1", Profile.empty("p1"));
    links.set("userId:u1", "p1");
    SqliteDatabase db = new SqliteDatabase(dir, false, SqliteSnapshotStore.SCHEMA);
    SqliteSnapshotStore store = new SqliteSnapshotStore(db);
    GridSnapshot snapshot = new GridSnapshot(member);
    snapshot.write(store, profiles, links, 7, 0, 2_000L);
    assertThat(snapshot.load(store)).get().satisfies(s -> assertThat(s.profiles()).containsOnlyKeys("p1"));

    profiles.set("p2", Profile.empty("p2"));
    db.close(); // the writer has stopped: the write fails at once instead of waiting for it
    assertThatCode(() -> snapshot.write(store, profiles, links, 9, 0, 3_000L)).doesNotThrowAnyException();
    try (SqliteDatabase reopened = new SqliteDatabase(dir, false, SqliteSnapshotStore.SCHEMA)) {
      assertThat(snapshot.load(new SqliteSnapshotStore(reopened))).get()
          .satisfies(s -> assertThat(s.eventSeq()).isEqualTo(7))
          .satisfies(s -> assertThat(s.profiles()).containsOnlyKeys("p1"));
    }
  }
}
