package io.kairos.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kairos.engine.TestEngines;
import io.kairos.engine.error.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @Test
  void loadsTheShippedConfigAndResolvesPathsAgainstHome() {
    Path home = TestEngines.home();
    KairosConfig c = ConfigLoader.load(home, null, Map.of(), Map.of());
    assertThat(c.server().port()).isEqualTo(8080);
    assertThat(c.decide().offersFile()).isEqualTo(home.resolve("config/offers.yaml"));
    assertThat(c.models().propensityDir()).exists();
  }

  @Test
  void environmentOverridesAndCommandLineWins() {
    Path home = TestEngines.home();
    KairosConfig c = ConfigLoader.load(home, null,
        Map.of("KAIROS_PORT", "9000", "KAIROS_SERVER_MAX_BATCH_EVENTS", "50", "KAIROS_DATA_DIR", "/tmp/k"),
        Map.of("server.port", "9001"));
    assertThat(c.server().port()).isEqualTo(9001);
    assertThat(c.server().maxBatchEvents()).isEqualTo(50);
    assertThat(c.store().dataDir()).isEqualTo(Path.of("/tmp/k"));
    assertThat(ConfigLoader.envName("server", "maxBodyBytes")).isEqualTo("KAIROS_SERVER_MAX_BODY_BYTES");
  }

  @Test
  void invalidValuesFailWithTheFieldNamed() {
    Path home = TestEngines.home();
    assertThatThrownBy(() -> ConfigLoader.load(home, null, Map.of("KAIROS_SERVER_PORT", "70000"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("server.port");
    assertThatThrownBy(() -> ConfigLoader.load(home, null, Map.of("KAIROS_SERVER_PORT", "eighty"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("eighty");
    assertThatThrownBy(() -> ConfigLoader.load(home, null, Map.of("KAIROS_LEARNING_NO_RESPONSE_SECONDS", "90000"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("learning.noResponseSeconds: must be shorter than decide.decisionTtlHours");
    assertThatThrownBy(() -> ConfigLoader.load(home, null, Map.of("KAIROS_SERVER_SHUTDOWN_GRACE_SECONDS", "601"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("server.shutdownGraceSeconds: must be 0-600, got 601");
    assertThat(ConfigLoader.load(home, null, Map.of("KAIROS_SERVER_SHUTDOWN_GRACE_SECONDS", "30"), Map.of()).server().shutdownGraceSeconds())
        .isEqualTo(30);
    assertThatThrownBy(() -> ConfigLoader.load(home, null, Map.of("KAIROS_DECIDE_RECENT_DECISIONS_IN_GRID", "10"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("decide.recentDecisionsInGrid: must be at least 1000, got 10");
    assertThatThrownBy(() -> ConfigLoader.load(home, null, Map.of("KAIROS_DECIDE_DECISION_LOG_RETENTION_DAYS", "1"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("decide.decisionLogRetentionDays: must be 0 (keep forever) or longer");
    assertThat(ConfigLoader.load(home, null, Map.of("KAIROS_DECIDE_DECISION_LOG_RETENTION_DAYS", "0"), Map.of()).decide()
        .decisionLogRetentionDays()).isZero();
    assertThat(ConfigLoader.load(home, null, Map.of(), Map.of()).decide().decisionLogRetentionDays()).isEqualTo(30);
  }

  @Test
  void unknownKeysAreRejected(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("k.yaml");
    Files.writeString(file, Files.readString(TestEngines.home().resolve("config/kairos.yaml")) + "\nextra:\n  x: 1\n");
    assertThatThrownBy(() -> ConfigLoader.load(TestEngines.home(), file, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("extra");
  }
}
