package io.kairos.engine.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.map.IMap;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import io.kairos.engine.identity.GridIdentityResolver;
import io.kairos.engine.ingest.EventReplay;
import io.kairos.engine.profile.LocalEntries;
import io.kairos.engine.profile.Profile;
import io.kairos.engine.profile.ProfileSerializer;
import io.kairos.engine.store.SnapshotStore;
import io.kairos.engine.store.SnapshotStore.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the grid's profiles and identifier links to a {@link SnapshotStore} and reads them back
 * as the {@link EventReplay.Start} of the next start. Profiles are stored as the member's own bytes
 * (Hazelcast's serialization service, that is {@link ProfileSerializer}: no second format to keep in
 * step); a snapshot in another format, or whose bytes this build cannot read, is ignored and the whole
 * history is replayed instead. Exclusive-type claims are left out: restoring the links derives them.
 */
public final class GridSnapshot {

  private static final Logger LOG = LoggerFactory.getLogger(GridSnapshot.class);
  /** Names the encoding of the profile bytes; a snapshot in any other is not loaded. */
  public static final String FORMAT = "hazelcast/" + ProfileSerializer.FORMAT;
  private static final int BATCH = 5_000;
  /** A stop waits this long for its snapshot (1,000,000 profiles take about 25 s), then goes on without one. */
  static final long WRITE_TIMEOUT_MINUTES = 10;

  private final HazelcastInstance grid;
  private final SerializationService serialization;

  public GridSnapshot(HazelcastInstance grid) {
    this.grid = grid;
    this.serialization = ((SerializationServiceSupport) grid).getSerializationService();
  }

  /**
   * Writes every profile (tombstones too) and identifier link this member holds, as of the given log
   * positions, replacing the previous snapshot; blocking. The caller makes sure nothing changes the
   * grid meanwhile. Only a member alone in its cluster writes one: with others, a member's local
   * entries are not the whole of its store's history. Reads through {@link LocalEntries}, not the near cache.
   * A snapshot that fails or takes longer than {@link #WRITE_TIMEOUT_MINUTES} is logged and skipped, so a stop
   * never hangs on it; the previous snapshot stays (the write is one transaction).
   */
  public void write(SnapshotStore store, IMap<String, Profile> profiles, IMap<String, String> links, long eventSeq,
      long mergeSeq, long now) {
    if (grid.getCluster().getMembers().size() != 1) {
      LOG.info("no snapshot: this member is not alone in its cluster");
      return;
    }
    long begin = System.nanoTime();
    long[] counts = new long[2];
    CompletableFuture<Void> done = store.replace(new Position(eventSeq, mergeSeq, now, FORMAT), rows -> {
      LocalEntries.forEach(profiles, BATCH, (id, p) -> {
        rows.profile(id, serialization.toData(p).toByteArray());
        counts[0]++;
      });
      List<Map.Entry<String, String>> byOwner = new ArrayList<>();
      LocalEntries.forEach(links, BATCH, (key, owner) -> {
        if (!GridIdentityResolver.isExclusiveClaim(key)) {
          byOwner.add(Map.entry(owner, key));
        }
      });
      byOwner.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
      byOwner.forEach(e -> rows.link(e.getValue(), e.getKey()));
      counts[1] = byOwner.size();
    });
    try {
      done.get(WRITE_TIMEOUT_MINUTES, TimeUnit.MINUTES);
    } catch (TimeoutException e) {
      LOG.warn("snapshot not written within {} min: stopping without it; the next start replays from the previous one",
          WRITE_TIMEOUT_MINUTES);
      return;
    } catch (ExecutionException e) {
      LOG.warn("snapshot not written ({}): the next start replays from the previous one", e.getCause().toString());
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("snapshot interrupted: the next start replays from the previous one");
      return;
    }
    LOG.info("snapshot of {} profiles and {} identifier links at event {} written in {} ms", counts[0], counts[1], eventSeq,
        (System.nanoTime() - begin) / 1_000_000);
  }

  /** The last snapshot as a replay start, or empty when there is none or it cannot be read; blocking. */
  public Optional<EventReplay.Start> load(SnapshotStore store) {
    Optional<Position> position = store.position();
    if (position.isEmpty()) {
      return Optional.empty();
    }
    if (!FORMAT.equals(position.get().format())) {
      LOG.warn("snapshot in format {} not loaded (this build writes {}); replaying the whole history", position.get().format(), FORMAT);
      return Optional.empty();
    }
    long begin = System.nanoTime();
    Map<String, Profile> profiles = new HashMap<>();
    Map<String, String> links = new HashMap<>();
    try {
      store.read(new SnapshotStore.Rows() {
        @Override
        public void profile(String profileId, byte[] body) {
          profiles.put(profileId, serialization.toObject(new HeapData(body)));
        }

        @Override
        public void link(String key, String profileId) {
          links.put(key, profileId);
        }
      });
    } catch (RuntimeException e) {
      LOG.warn("snapshot unreadable ({}); replaying the whole history", e.toString());
      return Optional.empty();
    }
    LOG.info("snapshot of {} profiles and {} identifier links at event {} read in {} ms", profiles.size(), links.size(),
        position.get().eventSeq(), (System.nanoTime() - begin) / 1_000_000);
    return Optional.of(new EventReplay.Start(position.get().eventSeq(), position.get().mergeSeq(), profiles, links));
  }
}
