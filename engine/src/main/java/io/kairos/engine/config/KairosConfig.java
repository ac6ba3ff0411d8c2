package io.kairos.engine.config;

import io.kairos.engine.error.ConfigException;
import java.nio.file.Path;

/** The whole engine configuration. Every section validates itself when constructed. */
public record KairosConfig(Server server, Store store, Grid grid, Models models, Decide decide) {

  public KairosConfig {
    require(server != null, "section missing", "server");
    require(store != null, "section missing", "store");
    require(grid != null, "section missing", "grid");
    require(models != null, "section missing", "models");
    require(decide != null, "section missing", "decide");
  }

  /** HTTP listener and input limits. */
  public record Server(String host, int port, int eventLoops, int maxBodyBytes, int maxBatchEvents, int maxTextChars) {
    public Server {
      require(host != null && !host.isBlank(), "must be set", "server.host");
      require(port >= 0 && port <= 65535, "must be 0-65535, got " + port, "server.port");
      require(eventLoops >= 1 && eventLoops <= 64, "must be 1-64, got " + eventLoops, "server.eventLoops");
      require(maxBodyBytes >= 1024, "must be at least 1024, got " + maxBodyBytes, "server.maxBodyBytes");
      require(maxBatchEvents >= 1 && maxBatchEvents <= 10_000, "must be 1-10000, got " + maxBatchEvents, "server.maxBatchEvents");
      require(maxTextChars >= 1, "must be positive, got " + maxTextChars, "server.maxTextChars");
    }
  }

  /** Where the durable event log lives and how hard it syncs. */
  public record Store(Path dataDir, boolean fsync) {
    public Store {
      require(dataDir != null, "must be set", "store.dataDir");
    }
  }

  /** The embedded Hazelcast member and profile shape. */
  public record Grid(String clusterName, int recentInteractions, int sessionTimeoutMinutes) {
    public Grid {
      require(clusterName != null && !clusterName.isBlank(), "must be set", "grid.clusterName");
      require(recentInteractions >= 1 && recentInteractions <= 200, "must be 1-200, got " + recentInteractions, "grid.recentInteractions");
      require(sessionTimeoutMinutes >= 1, "must be positive, got " + sessionTimeoutMinutes, "grid.sessionTimeoutMinutes");
    }
  }

  /** Model directories; a missing directory degrades the engine, it does not stop it. */
  public record Models(Path sentimentDir, Path propensityDir) {}

  /** Offer catalog and decision limits. */
  public record Decide(Path offersFile, int defaultLimit, int maxLimit, int decisionTtlHours) {
    public Decide {
      require(offersFile != null, "must be set", "decide.offersFile");
      require(maxLimit >= 1 && maxLimit <= 100, "must be 1-100, got " + maxLimit, "decide.maxLimit");
      require(defaultLimit >= 1 && defaultLimit <= maxLimit, "must be 1-maxLimit, got " + defaultLimit, "decide.defaultLimit");
      require(decisionTtlHours >= 1, "must be positive, got " + decisionTtlHours, "decide.decisionTtlHours");
    }
  }

  static void require(boolean ok, String message, String field) {
    if (!ok) {
      throw new ConfigException(field + ": " + message, field);
    }
  }
}
