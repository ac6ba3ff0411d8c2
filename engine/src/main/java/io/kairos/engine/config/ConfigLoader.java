package io.kairos.engine.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kairos.engine.error.ConfigException;
import io.kairos.engine.error.KairosException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Loads {@code config/kairos.yaml}. Any leaf {@code section.fieldName} can be overridden by the
 * environment variable {@code KAIROS_SECTION_FIELD_NAME} (e.g. {@code KAIROS_SERVER_PORT}); the
 * short forms {@code KAIROS_PORT} and {@code KAIROS_DATA_DIR} work too. Explicit overrides
 * (command-line options) win over both. Relative paths resolve against the Kairos home, the
 * directory that holds {@code config/}.
 */
public final class ConfigLoader {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
      .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
      .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, true);
  private static final Map<String, String> ALIASES = Map.of("KAIROS_PORT", "server.port", "KAIROS_DATA_DIR", "store.dataDir");

  private ConfigLoader() {}

  /** Finds the Kairos home: {@code KAIROS_HOME}, else the nearest directory at or above {@code start} holding config/kairos.yaml. */
  public static Path findHome(Path start, Map<String, String> env) {
    String explicit = env.get("KAIROS_HOME");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit).toAbsolutePath().normalize();
    }
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("config/kairos.yaml"))) {
        return dir;
      }
    }
    throw new ConfigException("cannot find config/kairos.yaml at or above " + start.toAbsolutePath() + "; set KAIROS_HOME", "KAIROS_HOME");
  }

  public static KairosConfig load(Path home, Path configFile, Map<String, String> env, Map<String, String> overrides) {
    Path file = configFile != null ? configFile : home.resolve("config/kairos.yaml");
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage(), "config", e);
    }
    if (!(root instanceof ObjectNode tree)) {
      throw new ConfigException(file + " must be a YAML mapping", "config");
    }
    for (Map.Entry<String, String> alias : ALIASES.entrySet()) {
      if (env.containsKey(alias.getKey())) {
        set(tree, alias.getValue(), env.get(alias.getKey()));
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> sections = tree.fields(); sections.hasNext(); ) {
      Map.Entry<String, JsonNode> section = sections.next();
      if (section.getValue() instanceof ObjectNode fields) {
        for (Iterator<String> names = fields.fieldNames(); names.hasNext(); ) {
          String name = names.next();
          String value = env.get(envName(section.getKey(), name));
          if (value != null) {
            fields.set(name, new TextNode(value));
          }
        }
      }
    }
    overrides.forEach((path, value) -> set(tree, path, value));
    KairosConfig raw;
    try {
      raw = YAML.treeToValue(tree, KairosConfig.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      Throwable cause = e.getCause();
      if (cause instanceof KairosException ke) {
        throw ke;
      }
      throw new ConfigException(file + ": " + e.getOriginalMessage(), "config", e);
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof KairosException ke) {
        throw ke;
      }
      throw new ConfigException(file + ": " + e.getMessage(), "config", e);
    }
    return resolvePaths(raw, home);
  }

  static String envName(String section, String field) {
    return ("KAIROS_" + section + "_" + field.replaceAll("([a-z0-9])([A-Z])", "$1_$2")).toUpperCase(Locale.ROOT);
  }

  private static void set(ObjectNode tree, String path, String value) {
    String[] parts = path.split("\\.", 2);
    JsonNode section = tree.get(parts[0]);
    if (!(section instanceof ObjectNode fields) || parts.length < 2) {
      throw new ConfigException("unknown configuration key " + path, path);
    }
    fields.set(parts[1], new TextNode(value));
  }

  private static KairosConfig resolvePaths(KairosConfig c, Path home) {
    return new KairosConfig(c.server(),
        new KairosConfig.Store(resolve(home, c.store().dataDir()), c.store().fsync(), c.store().snapshotOnStop()),
        c.grid(),
        c.identity(),
        c.traits(),
        c.consent(),
        new KairosConfig.Models(resolve(home, c.models().sentimentDir()), resolve(home, c.models().propensityDir()),
            c.models().registryDir() != null ? resolve(home, c.models().registryDir())
                : resolve(home, c.store().dataDir()).resolve("models").resolve("propensity"), c.models().specialDays()),
        new KairosConfig.Decide(resolve(home, c.decide().offersFile()), c.decide().defaultLimit(), c.decide().maxLimit(),
            c.decide().decisionTtlHours(), c.decide().recentDecisionsInGrid(), c.decide().decisionLogRetentionDays(),
            c.decide().optimisticServeAttempts()),
        c.learning());
  }

  private static Path resolve(Path home, Path p) {
    return p == null ? null : home.resolve(p).toAbsolutePath().normalize();
  }
}
