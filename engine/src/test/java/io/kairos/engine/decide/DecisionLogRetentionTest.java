package io.kairos.engine.decide;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairos.engine.store.SqliteDatabase;
import io.kairos.engine.store.SqliteDecisionLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionLogRetentionTest {

  @TempDir Path dir;

  @Test
  void onePassDeletesEveryDecisionPastRetentionInChunksAndNothingNewer() throws Exception {
    Instant now = Instant.parse("2026-12-03T10:00:00Z");
    long day = TimeUnit.DAYS.toMillis(1);
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    int old = DecisionLogRetention.CHUNK * 2 + 500;
    Vertx vertx = Vertx.vertx();
    try (SqliteDatabase db = new SqliteDatabase(dir, false, SqliteDecisionLog.SCHEMA)) {
      SqliteDecisionLog log = new SqliteDecisionLog(db);
      CompletableFuture<?>[] writes = new CompletableFuture<?>[old + 2];
      for (int i = 0; i < old; i++) {
        writes[i] = log.recordDecision("old-" + i, "p", "web", null, now.toEpochMilli() - 31 * day - i, body, null);
      }
      writes[old] = log.recordDecision("day-29", "p", "web", null, now.toEpochMilli() - 29 * day, body, null);
      writes[old + 1] = log.recordDecision("today", "p", "web", null, now.toEpochMilli(), body, null);
      CompletableFuture.allOf(writes).get();
      Counter deleted = new SimpleMeterRegistry().counter("deleted");
      DecisionLogRetention retention = new DecisionLogRetention(vertx, log, 30, Clock.fixed(now, ZoneOffset.UTC), deleted);

      assertThat(retention.prune().await()).isEqualTo(old);
      assertThat(deleted.count()).isEqualTo(old);
      assertThat(log.find("old-0")).isEmpty();
      assertThat(log.find("old-" + (old - 1))).isEmpty();
      assertThat(log.find("day-29")).isPresent();
      assertThat(log.find("today")).isPresent();
      assertThat(retention.prune().await()).isZero();
    } finally {
      vertx.close().await();
    }
  }
}
