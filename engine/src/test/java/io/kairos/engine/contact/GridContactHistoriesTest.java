package io.kairos.engine.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.grid.GridMember;
import io.kairos.engine.store.SqliteContactLog;
import io.kairos.engine.store.SqliteDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contact histories on a real embedded member and store. */
class GridContactHistoriesTest {

  private static final long NOW = 1_764_000_000_000L;

  @TempDir Path dir;
  private HazelcastInstance member;
  private SqliteDatabase db;
  private GridContactHistories histories;

  @BeforeEach
  void start() {
    member = GridMember.start(new KairosConfig.Grid("contacts-" + UUID.randomUUID(), 20, 30, 0), "contacts-" + UUID.randomUUID());
    db = new SqliteDatabase(dir, false, SqliteContactLog.SCHEMA);
    histories = new GridContactHistories(member.getMap(GridContactHistories.MAP_NAME), new SqliteContactLog(db));
  }

  @AfterEach
  void stop() {
    member.shutdown();
    db.close();
  }

  @Test
  void anAppendWaitsForTheLockHolderAndThenFindsItsHistoryStale() throws Exception {
    ContactHistory seen = histories.of("p1");
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Boolean> holder = CompletableFuture.supplyAsync(() -> histories.exclusively("p1", () -> {
      holding.countDown();
      await(release);
      return histories.serve("p1", ContactHistory.EMPTY, List.of(served("a")), NOW, true);
    }));
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
    // Another decision made from the same (empty) history tries to serve while the lock is held.
    CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> histories.serve("p1", seen, List.of(served("b")), NOW, false));
    assertThatThrownBy(() -> other.get(300, TimeUnit.MILLISECONDS)).as("waits for the lock").isInstanceOf(TimeoutException.class);
    release.countDown();
    assertThat(holder.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(other.get(10, TimeUnit.SECONDS)).as("its history changed under it: it must decide again").isFalse();
    assertThat(histories.of("p1").contacts()).extracting(Contact::offerId).containsExactly("a");
  }

  @Test
  void theLockIsReleasedWhenTheBodyFails() {
    try {
      histories.exclusively("p2", () -> {
        throw new IllegalStateException("boom");
      });
    } catch (IllegalStateException expected) {
      // the body's failure reaches the caller
    }
    assertThat(member.getMap(GridContactHistories.MAP_NAME).isLocked("p2")).isFalse();
  }

  private static Contact served(String offer) {
    return new Contact(offer, null, "web", Contact.Kind.SERVED, NOW);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
