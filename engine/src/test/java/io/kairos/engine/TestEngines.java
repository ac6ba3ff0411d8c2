package io.kairos.engine;

import io.kairos.engine.config.ConfigLoader;
import io.kairos.engine.config.KairosConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Starts real engines (embedded Hazelcast, SQLite on disk, shipped models) for tests. */
public final class TestEngines {

  private TestEngines() {}

  public static Path home() {
    return ConfigLoader.findHome(Path.of(""), Map.of());
  }

  /**
   * A test engine's configuration: loopback, any free port, its own data directory, and decide
   * without exploration or control group (deterministic rankings) unless {@code extra} says otherwise.
   */
  public static KairosConfig config(Path dataDir, Map<String, String> extra) {
    Map<String, String> overrides = new HashMap<>();
    overrides.put("learning.explore", "false");
    overrides.put("learning.controlShare", "0");
    overrides.putAll(extra);
    overrides.put("server.port", "0");
    overrides.put("server.host", "127.0.0.1");
    overrides.put("store.dataDir", dataDir.toString());
    return ConfigLoader.load(home(), null, Map.of(), overrides);
  }

  /** A started engine and its port; close it with {@link Running#close()}. */
  public record Running(KairosEngine engine, int port) implements AutoCloseable {
    @Override
    public void close() {
      engine.stop();
    }
  }

  public static Running start(Path dataDir) {
    return start(dataDir, Map.of());
  }

  public static Running start(Path dataDir, Map<String, String> extra) {
    KairosEngine engine = new KairosEngine(config(dataDir, extra));
    int port = engine.start().await();
    return new Running(engine, port);
  }
}
