package io.kairos.engine.grid;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.profile.GridProfileStore;
import io.kairos.engine.profile.ProfileSerializer;

/**
 * Starts the embedded Hazelcast member: standalone (no discovery) on the embedded default,
 * profiles stored in BINARY (Compact) form, no backups on a single member.
 */
public final class GridMember {

  private GridMember() {}

  public static HazelcastInstance start(KairosConfig.Grid grid, String instanceName) {
    Config config = new Config();
    config.setInstanceName(instanceName);
    config.setClusterName(grid.clusterName());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    config.getNetworkConfig().setPortAutoIncrement(true);
    config.getSerializationConfig().getCompactSerializationConfig().addSerializer(new ProfileSerializer());
    config.addMapConfig(new MapConfig(GridProfileStore.MAP_NAME).setInMemoryFormat(InMemoryFormat.BINARY).setBackupCount(0)
        .setStatisticsEnabled(true));
    return Hazelcast.newHazelcastInstance(config);
  }
}
