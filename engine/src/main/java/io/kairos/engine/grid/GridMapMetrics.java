package io.kairos.engine.grid;

import com.hazelcast.map.IMap;
import com.hazelcast.map.LocalMapStats;
import io.kairos.engine.metrics.KairosMetrics;
import java.util.function.ToLongFunction;

/** Hazelcast map statistics of this member as gauges tagged with the map's role (low cardinality). */
public final class GridMapMetrics {

  private GridMapMetrics() {}

  public static void bind(KairosMetrics metrics, String role, IMap<?, ?> map) {
    gauge(metrics, "kairos.grid.map.entries", role, map, LocalMapStats::getOwnedEntryCount);
    gauge(metrics, "kairos.grid.map.backup.entries", role, map, LocalMapStats::getBackupEntryCount);
    gauge(metrics, "kairos.grid.map.memory.bytes", role, map, LocalMapStats::getOwnedEntryMemoryCost);
    gauge(metrics, "kairos.grid.map.gets", role, map, LocalMapStats::getGetOperationCount);
    gauge(metrics, "kairos.grid.map.puts", role, map, s -> s.getPutOperationCount() + s.getSetOperationCount());
    gauge(metrics, "kairos.grid.map.other.operations", role, map, LocalMapStats::getOtherOperationCount);
    gauge(metrics, "kairos.grid.map.get.latency.total.ms", role, map, LocalMapStats::getTotalGetLatency);
    gauge(metrics, "kairos.grid.nearcache.hits", role, map, s -> s.getNearCacheStats() == null ? 0 : s.getNearCacheStats().getHits());
    gauge(metrics, "kairos.grid.nearcache.misses", role, map, s -> s.getNearCacheStats() == null ? 0 : s.getNearCacheStats().getMisses());
    gauge(metrics, "kairos.grid.nearcache.entries", role, map,
        s -> s.getNearCacheStats() == null ? 0 : s.getNearCacheStats().getOwnedEntryCount());
  }

  private static void gauge(KairosMetrics metrics, String name, String role, IMap<?, ?> map, ToLongFunction<LocalMapStats> stat) {
    metrics.gauge(name, () -> stat.applyAsLong(map.getLocalMapStats()), "map", role);
  }
}
