package io.kairos.engine.grid;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.profile.GridProfileStore;
import io.kairos.engine.contact.ContactHistorySerializer;
import io.kairos.engine.profile.ProfileSerializer;
import java.util.List;

/**
 * Starts the embedded Hazelcast member: standalone (no discovery) on the embedded default,
 * profiles stored in BINARY (Compact) form, no backups on a single member. With TCP member
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
    config.getSerializationConfig().getCompactSerializationConfig().addSerializer(new ProfileSerializer())
        .addSerializer(new ContactHistorySerializer());
    config.addMapConfig(new MapConfig(GridProfileStore.MAP_NAME).setInMemoryFormat(InMemoryFormat.BINARY)
        .setBackupCount(tcpMembers.isEmpty() ? 0 : 1)
        .setStatisticsEnabled(true));
    return Hazelcast.newHazelcastInstance(config);
  }
}
