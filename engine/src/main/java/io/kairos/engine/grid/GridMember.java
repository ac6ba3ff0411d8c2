package io.kairos.engine.grid;

import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.identity.GridIdentityResolver;
import io.kairos.engine.profile.GridProfileStore;
import io.kairos.engine.contact.ContactHistorySerializer;
import io.kairos.engine.profile.Profile;
import io.kairos.engine.profile.ProfileSerializer;
import java.util.List;

/**
 * Starts the embedded Hazelcast member: standalone (no discovery) on the embedded default,
 * profiles stored in BINARY form ({@link ProfileSerializer}), no backups on a single member. With TCP member
 * addresses it joins them (used by the two-member tests; cluster mode builds on it).
 */
public final class GridMember {

  private GridMember() {}

  public static HazelcastInstance start(KairosConfig.Grid grid, String instanceName) {
    return start(grid, instanceName, List.of());
  }

  /**
   * @param tcpMembers addresses of other members to join over TCP (e.g. {@code 127.0.0.1}); empty
   *     for a standalone member. Profiles then keep one backup.
   */
  public static HazelcastInstance start(KairosConfig.Grid grid, String instanceName, List<String> tcpMembers) {
    Config config = new Config();
    config.setInstanceName(instanceName);
    config.setClusterName(grid.clusterName());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(!tcpMembers.isEmpty()).setMembers(tcpMembers);
    join.getAutoDetectionConfig().setEnabled(false);
    config.getNetworkConfig().setPortAutoIncrement(true);
    config.getSerializationConfig().addSerializerConfig(new SerializerConfig().setTypeClass(Profile.class)
        .setImplementation(new ProfileSerializer()));
    config.getSerializationConfig().getCompactSerializationConfig().addSerializer(new ContactHistorySerializer());
    MapConfig profiles = new MapConfig(GridProfileStore.MAP_NAME).setInMemoryFormat(InMemoryFormat.BINARY)
        .setBackupCount(tcpMembers.isEmpty() ? 0 : 1)
        .setStatisticsEnabled(true);
    MapConfig links = new MapConfig(GridIdentityResolver.MAP_NAME);
    if (grid.nearCacheEntries() > 0) {
      profiles.setNearCacheConfig(nearCache(GridProfileStore.MAP_NAME, grid.nearCacheEntries(), !tcpMembers.isEmpty()));
      links.setNearCacheConfig(nearCache(GridIdentityResolver.MAP_NAME, grid.nearCacheEntries(), !tcpMembers.isEmpty()));
    }
    config.addMapConfig(profiles).addMapConfig(links);
    return Hazelcast.newHazelcastInstance(config);
  }

  /**
   * Bounds a map to about {@code maxEntries} on this member, letting the least recently used go first
   * (Hazelcast enforces it per partition, so the bound is approximate). Dynamic configuration: call
   * before the map is first used.
   */
  public static void boundEntries(HazelcastInstance member, String map, int maxEntries) {
    member.getConfig().addMapConfig(new MapConfig(map).setStatisticsEnabled(true).setEvictionConfig(new EvictionConfig()
        .setEvictionPolicy(EvictionPolicy.LRU).setMaxSizePolicy(MaxSizePolicy.PER_NODE).setSize(maxEntries)));
  }

  /**
   * Reads served from the member's own heap: the deserialized (immutable) value is returned as is, so
   * a hit costs a hash lookup instead of a partition-thread round trip and a profile decode. Writes
   * through this member's proxy invalidate their keys as they are submitted, and a partition runs
   * operations in order, so a read after a write on this member sees it. Writes on other members of a
   * cluster arrive as invalidation events (eventually consistent), which a standalone member does not
   * need to listen for.
   */
  private static NearCacheConfig nearCache(String map, int entries, boolean clustered) {
    return new NearCacheConfig(map).setInMemoryFormat(InMemoryFormat.OBJECT).setCacheLocalEntries(true)
        .setInvalidateOnChange(clustered)
        .setEvictionConfig(new EvictionConfig().setEvictionPolicy(EvictionPolicy.LRU).setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT)
            .setSize(entries));
  }
}
