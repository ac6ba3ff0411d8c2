package io.kairos.engine.config;

import io.kairos.engine.error.ConfigException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.nio.file.Path;
import java.util.Arrays;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** The whole engine configuration. Every section validates itself when constructed. */
public record KairosConfig(Server server, Store store, Grid grid, Identity identity, Traits traits, ConsentPolicy consent,
    Models models, Decide decide, Learning learning) {

  public KairosConfig {
    require(server != null, "section missing", "server");
    require(store != null, "section missing", "store");
    require(grid != null, "section missing", "grid");
    require(identity != null, "section missing", "identity");
    require(traits != null, "section missing", "traits");
    require(consent != null, "section missing", "consent");
    require(models != null, "section missing", "models");
    require(decide != null, "section missing", "decide");
    require(learning != null, "section missing", "learning");
    require(learning.noResponseSeconds() < decide.decisionTtlHours() * 3600L, "must be shorter than decide.decisionTtlHours ("
        + decide.decisionTtlHours() + " h), after which feedback on a decision is refused; got " + learning.noResponseSeconds() + " s",
        "learning.noResponseSeconds");
  }

  /**
   * HTTP listener, input limits and the bearer tokens.
   *
   * @param adminToken when set, offer and model administration, export and erasure need {@code Authorization: Bearer <token>};
   *     empty leaves them open (a warning at start). Set it with {@code KAIROS_SERVER_ADMIN_TOKEN} rather than in the file.
   * @param clientTokens comma-separated tokens for the website, the call center and other clients: when set, every other
   *     {@code /v1} route needs one of them (or the admin token), and the admin token must be set too; empty leaves those
   *     routes open. Set it with {@code KAIROS_SERVER_CLIENT_TOKENS}; several tokens allow one per client and rotation.
   */
  public record Server(String host, int port, int eventLoops, int maxBodyBytes, int maxBatchEvents, int maxTextChars, String adminToken,
      String clientTokens, int shutdownGraceSeconds) {
    public Server {
      adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken.strip();
      require(adminToken == null || adminToken.length() >= 16, "must be at least 16 characters (or empty to leave admin routes open), got "
          + (adminToken == null ? 0 : adminToken.length()), "server.adminToken");
      List<String> clients = split(clientTokens);
      clientTokens = clients.isEmpty() ? null : String.join(",", clients);
      for (int i = 0; i < clients.size(); i++) {
        require(clients.get(i).length() >= 16, "each token must be at least 16 characters; token " + (i + 1) + " has "
            + clients.get(i).length(), "server.clientTokens");
        require(!clients.get(i).equals(adminToken), "token " + (i + 1) + " is the admin token; give clients their own",
            "server.clientTokens");
      }
      require(clients.isEmpty() || adminToken != null, "need server.adminToken too: with client tokens and no admin token, any client "
          + "could administer offers and models", "server.clientTokens");
      require(host != null && !host.isBlank(), "must be set", "server.host");
      require(port >= 0 && port <= 65535, "must be 0-65535, got " + port, "server.port");
      require(eventLoops >= 1 && eventLoops <= 64, "must be 1-64, got " + eventLoops, "server.eventLoops");
      require(maxBodyBytes >= 1024, "must be at least 1024, got " + maxBodyBytes, "server.maxBodyBytes");
      require(maxBatchEvents >= 1 && maxBatchEvents <= 10_000, "must be 1-10000, got " + maxBatchEvents, "server.maxBatchEvents");
      require(maxTextChars >= 1, "must be positive, got " + maxTextChars, "server.maxTextChars");
      require(shutdownGraceSeconds >= 0 && shutdownGraceSeconds <= 600, "must be 0-600, got " + shutdownGraceSeconds,
          "server.shutdownGraceSeconds");
    }

    /** The client tokens, none when the client routes are open. */
    public List<String> clientTokenList() {
      return split(clientTokens);
    }

    private static List<String> split(String tokens) {
      return tokens == null ? List.of() : Arrays.stream(tokens.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** Never prints a token. */
    @Override
    public String toString() {
      return "Server[host=" + host + ", port=" + port + ", eventLoops=" + eventLoops + ", maxBodyBytes=" + maxBodyBytes + ", maxBatchEvents="
          + maxBatchEvents + ", maxTextChars=" + maxTextChars + ", adminToken=" + (adminToken == null ? "none" : "set") + ", clientTokens="
          + clientTokenList().size() + ", shutdownGraceSeconds=" + shutdownGraceSeconds + "]";
    }
  }

  /** Where the durable event log lives and how hard it syncs. */
  /**
   * The durable store.
   *
   * @param snapshotOnStop write a snapshot of every profile and identifier link at a clean stop, so the next start loads it and
   *     replays only later events
   */
  public record Store(Path dataDir, boolean fsync, boolean snapshotOnStop) {
    public Store {
      require(dataDir != null, "must be set", "store.dataDir");
    }
  }

  /**
   * The embedded Hazelcast member and profile shape.
   *
   * @param nearCacheEntries profiles (and as many identifier links) kept deserialized on the member for reads
   *     without a partition-thread hop; least recently used go first; 0 turns the near cache off
   */
  public record Grid(String clusterName, int recentInteractions, int sessionTimeoutMinutes, int nearCacheEntries) {
    public Grid {
      require(nearCacheEntries >= 0, "must be 0 (off) or positive, got " + nearCacheEntries, "grid.nearCacheEntries");
      require(clusterName != null && !clusterName.isBlank(), "must be set", "grid.clusterName");
      require(recentInteractions >= 1 && recentInteractions <= 200, "must be 1-200, got " + recentInteractions, "grid.recentInteractions");
      require(sessionTimeoutMinutes >= 1, "must be positive, got " + sessionTimeoutMinutes, "grid.sessionTimeoutMinutes");
    }
  }

  /**
   * Identifier cleaning and limits.
   *
   * @param defaultRegion region (ISO 3166 alpha-2) for phone numbers written without a country code
   * @param customTypes identifier types beyond the built-in ones, e.g. {@code loyaltyId}; a comma-separated string works too
   * @param maxIdentifiersPerEvent more on one event or decide request is refused
   * @param canonicalizeGmail treat dots and {@code +tags} in Gmail addresses as the same mailbox
   * @param exclusiveTypes identifier types a profile holds at most one value of (e.g. {@code userId}: two accounts are two people)
   * @param neverMergeTypes identifier types that link but never merge two profiles (e.g. a shared tablet's {@code deviceId})
   * @param maxAnonymousIds a merge that would leave a profile with more anonymous ids is refused
   */
  public record Identity(String defaultRegion, List<String> customTypes, int maxIdentifiersPerEvent, boolean canonicalizeGmail,
      List<String> exclusiveTypes, List<String> neverMergeTypes, int maxAnonymousIds) {
    public Identity {
      require(defaultRegion != null && PhoneNumberUtil.getInstance().getSupportedRegions().contains(defaultRegion),
          "must be a region libphonenumber knows, such as US, GB or DE; got " + defaultRegion, "identity.defaultRegion");
      customTypes = names(customTypes);
      for (String t : customTypes) {
        require(t.matches("[a-z][A-Za-z0-9_]{0,31}"), "custom identifier types are 1-32 letters, digits or _ starting with a "
            + "lower-case letter; got " + t, "identity.customTypes");
      }
      exclusiveTypes = names(exclusiveTypes);
      neverMergeTypes = names(neverMergeTypes);
      require(maxAnonymousIds >= 1, "must be positive, got " + maxAnonymousIds, "identity.maxAnonymousIds");
      require(maxIdentifiersPerEvent >= 1 && maxIdentifiersPerEvent <= 64, "must be 1-64, got " + maxIdentifiersPerEvent,
          "identity.maxIdentifiersPerEvent");
    }
  }

  /**
   * Trait cleaning.
   *
   * @param types declared traits and their type ({@code string}, {@code number}, {@code boolean} or {@code date}); others are free
   * @param maxStringChars longer string values are refused
   */
  public record Traits(Map<String, String> types, int maxStringChars) {
    public static final List<String> TYPES = List.of("string", "number", "boolean", "date");

    public Traits {
      types = types == null ? Map.of() : Map.copyOf(types);
      for (Map.Entry<String, String> t : types.entrySet()) {
        require(TYPES.contains(t.getValue()), "must be one of " + TYPES + "; got " + t.getValue(), "traits.types." + t.getKey());
      }
      require(maxStringChars >= 1 && maxStringChars <= 100_000, "must be 1-100000, got " + maxStringChars, "traits.maxStringChars");
    }
  }

  /**
   * Consent purposes and what applies when a person never answered.
   *
   * @param defaults every known purpose to {@code granted} or {@code denied}, the answer assumed when the person gave none
   * @param channels decide channel to the purpose an offer on that channel needs (e.g. {@code email -> marketing_email})
   */
  public record ConsentPolicy(Map<String, String> defaults, Map<String, String> channels) {
    public static final List<String> REQUIRED = List.of("personalization", "marketing_email", "marketing_sms", "analytics", "data_sharing");

    public ConsentPolicy {
      require(defaults != null, "must list every purpose with granted or denied", "consent.defaults");
      defaults = Map.copyOf(defaults);
      channels = channels == null ? Map.of() : Map.copyOf(channels);
      for (String purpose : REQUIRED) {
        require(defaults.containsKey(purpose), "must include " + purpose, "consent.defaults");
      }
      for (Map.Entry<String, String> d : defaults.entrySet()) {
        require(d.getKey().matches("[a-z][a-z0-9_]{0,63}"), "purposes are lower_snake_case; got " + d.getKey(), "consent.defaults");
        require("granted".equals(d.getValue()) || "denied".equals(d.getValue()),
            "must be granted or denied; got " + d.getValue(), "consent.defaults." + d.getKey());
      }
      for (Map.Entry<String, String> c : channels.entrySet()) {
        require(defaults.containsKey(c.getValue()), "names an unknown purpose " + c.getValue(), "consent.channels." + c.getKey());
      }
    }
  }

  /** Model directories; a missing directory degrades the engine, it does not stop it. */
  /**
   * @param propensityDir the shipped model, registered as the first champion of an empty registry
   * @param registryDir versioned propensity models and the champion/challenger state; default {@code <dataDir>/models/propensity}
   * @param specialDays shopping occasions as {@code MM-DD}, for the {@code SpecialDay} feature
   */
  public record Models(Path sentimentDir, Path propensityDir, Path registryDir, List<String> specialDays) {
    public Models {
      specialDays = specialDays == null ? List.of("02-14", "05-10", "11-27", "12-25") : List.copyOf(specialDays);
      for (String day : specialDays) {
        try {
          MonthDay.parse("--" + day);
        } catch (DateTimeParseException e) {
          throw new ConfigException("models.specialDays: '" + day + "' is not a month-day like 02-14", "models.specialDays");
        }
      }
    }

    public List<MonthDay> occasions() {
      return specialDays.stream().map(d -> MonthDay.parse("--" + d)).toList();
    }
  }

  /**
   * Offer catalog and decision limits.
   *
   * @param recentDecisionsInGrid how many recent decisions each member keeps in the grid for feedback (least recently
   *     used first out); feedback on one that was let go is answered from the durable decision log, more slowly
   */
  public record Decide(Path offersFile, int defaultLimit, int maxLimit, int decisionTtlHours, int recentDecisionsInGrid,
      int decisionLogRetentionDays, int optimisticServeAttempts) {
    public Decide {
      require(optimisticServeAttempts >= 1 && optimisticServeAttempts <= 1_000, "must be 1-1000, got " + optimisticServeAttempts,
          "decide.optimisticServeAttempts");
      require(offersFile != null, "must be set", "decide.offersFile");
      require(maxLimit >= 1 && maxLimit <= 100, "must be 1-100, got " + maxLimit, "decide.maxLimit");
      require(defaultLimit >= 1 && defaultLimit <= maxLimit, "must be 1-maxLimit, got " + defaultLimit, "decide.defaultLimit");
      require(decisionTtlHours >= 1, "must be positive, got " + decisionTtlHours, "decide.decisionTtlHours");
      require(recentDecisionsInGrid >= 1_000, "must be at least 1000, got " + recentDecisionsInGrid, "decide.recentDecisionsInGrid");
      require(decisionLogRetentionDays == 0 || decisionLogRetentionDays * 24L > decisionTtlHours, "must be 0 (keep forever) or longer "
          + "than decide.decisionTtlHours (" + decisionTtlHours + " h), since feedback reads older decisions back from the log; got "
          + decisionLogRetentionDays, "decide.decisionLogRetentionDays");
    }
  }

  /**
   * How decide explores and learns from feedback (see docs/DECISIONS.md).
   *
   * @param explore Thompson sampling from each offer's posterior; false ranks by the posterior mean
   * @param controlShare share of decisions that rank the eligible offers in random order (the control group)
   * @param choiceDraws Monte Carlo draws per decision to estimate the probability the policy chose each offer
   * @param priorVariance variance of every weight before any feedback; larger explores more at cold start
   * @param baseline {@code propensity}: P(accept) starts at the person's purchase propensity; {@code constant}: at priorAcceptRate
   * @param positiveOutcomes feedback outcomes learned as an acceptance
   * @param negativeOutcomes feedback outcomes learned as a refusal (others, such as impression, are only logged)
   * @param features numeric CEL expressions over profile, context, channel and placement: the context of every offer model
   * @param noResponseSeconds an offer with an {@code impression} and no learning outcome this long after it is learned as a
   *     refusal ({@code no_response}); 0 turns this off
   */
  public record Learning(boolean explore, double controlShare, int choiceDraws, double priorVariance, String baseline,
      double priorAcceptRate, List<String> positiveOutcomes, List<String> negativeOutcomes, List<String> features,
      int noResponseSeconds) {
    public static final List<String> OUTCOMES = List.of("impression", "click", "accept", "reject", "convert", "dismiss");

    public Learning {
      require(controlShare >= 0 && controlShare < 1, "must be at least 0 and below 1, got " + controlShare, "learning.controlShare");
      require(choiceDraws >= 1 && choiceDraws <= 10_000, "must be 1-10000, got " + choiceDraws, "learning.choiceDraws");
      require(priorVariance > 0 && priorVariance <= 100, "must be above 0 and at most 100, got " + priorVariance, "learning.priorVariance");
      require("propensity".equals(baseline) || "constant".equals(baseline), "must be propensity or constant, got " + baseline,
          "learning.baseline");
      require(priorAcceptRate > 0 && priorAcceptRate < 1, "must be between 0 and 1, got " + priorAcceptRate, "learning.priorAcceptRate");
      positiveOutcomes = names(positiveOutcomes);
      negativeOutcomes = names(negativeOutcomes);
      require(!positiveOutcomes.isEmpty(), "must name at least one outcome", "learning.positiveOutcomes");
      for (String o : positiveOutcomes) {
        require(OUTCOMES.contains(o), "unknown outcome " + o + "; outcomes are " + OUTCOMES, "learning.positiveOutcomes");
        require(!negativeOutcomes.contains(o), o + " cannot be both positive and negative", "learning.negativeOutcomes");
      }
      for (String o : negativeOutcomes) {
        require(OUTCOMES.contains(o), "unknown outcome " + o + "; outcomes are " + OUTCOMES, "learning.negativeOutcomes");
      }
      features = features == null ? List.of() : List.copyOf(features);
      require(features.size() <= 64, "at most 64 features, got " + features.size(), "learning.features");
      require(noResponseSeconds >= 0, "must be 0 (off) or positive, got " + noResponseSeconds, "learning.noResponseSeconds");
    }
  }

  /** A list of names from YAML or an environment variable (one comma-separated string); null is empty. */
  static List<String> names(List<String> raw) {
    return raw == null ? List.of()
        : raw.stream().flatMap(t -> Arrays.stream(t.split(","))).map(String::strip).filter(t -> !t.isEmpty()).toList();
  }

  static void require(boolean ok, String message, String field) {
    if (!ok) {
      throw new ConfigException(field + ": " + message, field);
    }
  }
}
