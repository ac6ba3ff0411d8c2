package io.kairos.engine.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.kairos.engine.config.KairosConfig;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * {@code bin/kairos grid-latency}: the cost of one map call on the embedded member, synchronous
 * versus asynchronous with a dependent stage, measured sequentially in one run. This is the
 * measurement behind running grid calls synchronously on a worker pool (docs/ARCHITECTURE.md).
 */
public final class GridCallLatency {

  private GridCallLatency() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    HazelcastInstance member = GridMember.start(new KairosConfig.Grid("latency-" + System.nanoTime(), 20, 30, 0),
        "latency-" + System.nanoTime());
    try {
      IMap<String, String> map = member.getMap("latency");
      for (int i = 0; i < 1000; i++) {
        map.set("k" + i, "v");
      }
      for (int round = 1; round <= 3; round++) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          map.get("k" + (i % 1000));
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          map.getAsync("k" + (i % 1000)).toCompletableFuture().join();
        }
        long t2 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          CompletableFuture<Integer> dependent = map.getAsync("k" + (i % 1000)).thenApply(String::length).toCompletableFuture();
          dependent.join();
        }
        long t3 = System.nanoTime();
        System.out.printf(Locale.ROOT, "{\"round\": %d, \"calls\": %d, \"syncGetMicros\": %.1f, \"asyncGetJoinMicros\": %.1f, "
            + "\"asyncGetThenApplyJoinMicros\": %.1f}%n", round, n, (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n, (t3 - t2) / 1e3 / n);
      }
    } finally {
      member.shutdown();
    }
  }
}
