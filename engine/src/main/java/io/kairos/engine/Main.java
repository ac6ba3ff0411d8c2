package io.kairos.engine;

import io.kairos.engine.config.ConfigLoader;
import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.error.KairosException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kairos start}: runs the engine until SIGTERM or Ctrl-C, then shuts down cleanly. */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Start the Kairos engine on its embedded default.")
public final class Main implements Callable<Integer> {

  @Option(names = "--port", description = "HTTP port (default from config/kairos.yaml or KAIROS_PORT)") Integer port;
  @Option(names = "--data-dir", description = "where the event store lives (default ./data or KAIROS_DATA_DIR)") Path dataDir;
  @Option(names = "--config", description = "configuration file (default <home>/config/kairos.yaml)") Path configFile;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Map<String, String> overrides = new HashMap<>();
    if (port != null) {
      overrides.put("server.port", String.valueOf(port));
    }
    if (dataDir != null) {
      overrides.put("store.dataDir", dataDir.toAbsolutePath().toString());
    }
    KairosEngine engine;
    try {
      Path home = ConfigLoader.findHome(Path.of(""), System.getenv());
      KairosConfig config = ConfigLoader.load(home, configFile, System.getenv(), overrides);
      engine = new KairosEngine(config);
    } catch (KairosException e) {
      System.err.println("kairos: " + e.getMessage());
      return 2;
    }
    try {
      engine.start().await();
    } catch (Exception e) {
      engine.stop();
      System.err.println("kairos: cannot start: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
      return e instanceof KairosException ? 2 : 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      engine.stop();
      stopped.countDown();
    }, "kairos-shutdown"));
    stopped.await();
    return 0;
  }
}
