package io.kairos.engine.profile;

import com.hazelcast.map.IMap;
import com.hazelcast.map.impl.proxy.MapProxyImpl;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.PartitionService;
import java.util.function.BiConsumer;

/**
 * Reads the entries of a map that this member owns, partition by partition, a batch of keys and values
 * per call, without going through the near cache. {@code getAll} over all keys filled the near cache and
 * made it evict for every entry (two thirds of a snapshot's time); {@code IMap.iterator(int)} fetches
 * values one {@code get} at a time, which a near-cached map refuses for serialized keys. So this uses the
 * proxy's partition iterator, an internal but public method of Hazelcast's map proxy. Used by the
 * snapshot, which runs when nothing else reads the grid. (The rescoring after a model promotion still
 * reads with {@code getAll}.)
 */
public final class LocalEntries {

  private LocalEntries() {}

  public static <V> void forEach(IMap<String, V> map, int batch, BiConsumer<String, V> each) {
    MapProxyImpl<String, V> proxy = (MapProxyImpl<String, V>) map;
    PartitionService partitions = proxy.getNodeEngine().getHazelcastInstance().getPartitionService();
    for (Partition partition : partitions.getPartitions()) {
      if (partition.getOwner() != null && partition.getOwner().localMember()) {
        proxy.iterator(batch, partition.getPartitionId(), true).forEachRemaining(e -> each.accept(e.getKey(), e.getValue()));
      }
    }
  }
}
