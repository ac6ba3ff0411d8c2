package io.kairos.engine.evaluate;

import io.kairos.engine.bench.ScratchDirectory;
import io.kairos.engine.config.ConfigLoader;
import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.evaluate.HillstromData.Customer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kairos policy hillstrom}: replays the Hillstrom randomized e-mail experiment through a real
 * engine (embedded, loopback HTTP, its own data directory). Every customer becomes a profile. For
 * each training customer decide ranks the three arms and the customer's randomized arm gets its
 * outcome as feedback ({@code convert} with the spend, or {@code dismiss}), which teaches that arm's
 * model. The engine is then restarted without exploration (its models come back from the store)
 * and decides one arm for each held-out customer; that policy and the four fixed ones are valued
 * unbiasedly on the held-out customers (see {@link HillstromPolicies}). Prints one JSON object.
 */
@Command(name = "hillstrom", mixinStandardHelpOptions = true,
    description = "Learn a per-customer e-mail policy from the Hillstrom experiment through decide and feedback; evaluate it on held-out customers.")
final class HillstromReplayCommand implements Callable<Integer> {

  /** The context each arm's model learns over: the customer's traits as the profile holds them. */
  static final List<String> FEATURES = List.of(
      "double(profile.traits.recency) / 12.0",
      "double(profile.traits.history) / 1000.0",
      "double(profile.traits.mens)",
      "double(profile.traits.womens)",
      "profile.traits.mens == 1 && profile.traits.womens == 1 ? 1.0 : 0.0",
      "double(profile.traits.newbie)",
      "profile.traits.zip == 'Urban' ? 1.0 : 0.0",
      "profile.traits.zip == 'Rural' ? 1.0 : 0.0",
      "profile.traits.channel == 'Web' ? 1.0 : 0.0",
      "profile.traits.channel == 'Multichannel' ? 1.0 : 0.0");

  @Option(names = "--data", defaultValue = "../shared/data/hillstrom_email_nbo/hillstrom.csv",
      description = "the experiment's CSV (default ${DEFAULT-VALUE}, relative to the Kairos home)") Path data;
  @Option(names = "--train-share", defaultValue = "0.5", description = "share of customers replayed for learning (default ${DEFAULT-VALUE})")
  double trainShare;
  @Option(names = "--rows", defaultValue = "0", description = "use only this many customers (0 = all; for quick checks)") int rows;
  @Option(names = "--seed", defaultValue = "1") long seed;
  @Option(names = "--threads", defaultValue = "4", description = "concurrent HTTP clients") int threads;
  @Option(names = "--resamples", defaultValue = "1000") int resamples;
  @Option(names = "--prior-variance", defaultValue = "1.0") double priorVariance;
  @Option(names = "--learn-on", defaultValue = "conversion", description = "what teaches each arm's model: conversion (every arm "
      + "worth the same) or visit (15 times more frequent; each arm then worth its training customers' spend per visit)")
  String learnOn;
  @Option(names = "--work-dir", description = "the engine's data directory (default: a new temporary one)") Path workDir;

  @Override
  public Integer call() throws Exception {
    if (!(trainShare > 0 && trainShare < 1)) {
      System.err.println("error: --train-share must be between 0 and 1");
      return 2;
    }
    if (!learnOn.equals("conversion") && !learnOn.equals("visit")) {
      System.err.println("error: --learn-on must be conversion or visit, got " + learnOn);
      return 2;
    }
    long begin = System.nanoTime();
    Path home = ConfigLoader.findHome(Path.of(""), System.getenv());
    List<Customer> customers = new ArrayList<>(HillstromData.read(home.resolve(data)));
    Collections.shuffle(customers, new Random(seed));
    if (rows > 0 && rows < customers.size()) {
      customers = customers.subList(0, rows);
    }
    int cut = (int) Math.round(customers.size() * trainShare);
    List<Customer> train = customers.subList(0, cut);
    List<Customer> test = customers.subList(cut, customers.size());
    try (ScratchDirectory scratch = ScratchDirectory.orCreate(workDir, "kairos-hillstrom")) {
      return replay(home, scratch.path(), customers, train, test, begin);
    }
  }

  private int replay(Path home, Path dir, List<Customer> customers, List<Customer> train, List<Customer> test, long begin) throws Exception {
    Map<String, Integer> learnedFrom = new HashMap<>();
    Map<String, Double> values = armValues(train);
    Path offers = visits() ? writeOffers(values, dir.resolve("hillstrom-offers.yaml")) : home.resolve("config/hillstrom-offers.yaml");
    try (LoopbackEngine engine = LoopbackEngine.start(config(home, dir, offers, true))) {
      engine.ingest(customers.stream().map(HillstromReplayCommand::identify).toList(), threads);
      engine.forEach(train, threads, c -> {
        JsonObject d = engine.decide(new JsonObject().put("identifiers", userId(c)).put("channel", "campaign").put("limit", 3));
        String outcome = c.conversion() == 1 ? "convert" : visits() && c.visit() == 1 ? "click" : "dismiss";
        JsonObject feedback = new JsonObject().put("decisionId", d.getString("decisionId")).put("offerId", c.arm())
            .put("outcome", outcome);
        if (c.conversion() == 1) {
          feedback.put("revenue", c.spend());
        }
        engine.feedback(feedback);
      });
      System.err.printf("hillstrom: learned from %,d training customers%n", train.size());
    }
    String[] chosen = new String[test.size()];
    try (LoopbackEngine engine = LoopbackEngine.start(config(home, dir, offers, false))) {
      engine.forEach(indexes(test.size()), threads, i -> chosen[i] = engine.decide(new JsonObject().put("identifiers",
          userId(test.get(i))).put("channel", "campaign").put("limit", 1)).getJsonArray("offers").getJsonObject(0).getString("offerId"));
      JsonObject models = engine.get("/v1/admin/offers/models");
      models.getJsonObject("models").forEach(m -> learnedFrom.put(m.getKey(), ((JsonObject) m.getValue()).getInteger("observations")));
    }
    HillstromPolicies.Result result = HillstromPolicies.evaluate(test, chosen, resamples, seed);
    System.out.println(report(customers.size(), train.size(), test, chosen, result, learnedFrom, (System.nanoTime() - begin) / 1e9)
        .put("learn_on", learnOn).put("arm_values", new JsonObject(new HashMap<>(values))).encodePrettily());
    return 0;
  }

  private boolean visits() {
    return learnOn.equals("visit");
  }

  /**
   * What an acceptance of each arm is worth to the ranking. Learning conversions, the arms are worth the same (the policy ranks
   * by P(conversion)). Learning visits, each arm is worth its training customers' spend per visit, so the policy ranks by
   * P(visit) × spend per visit, an estimate of spend; from the training customers only.
   */
  private Map<String, Double> armValues(List<Customer> train) {
    Map<String, Double> values = new HashMap<>();
    for (String arm : HillstromData.OFFERS) {
      double spend = 0;
      int visited = 0;
      for (Customer c : train) {
        if (c.arm().equals(arm)) {
          spend += c.spend();
          visited += c.visit();
        }
      }
      values.put(arm, !visits() ? 1.0 : visited == 0 ? 0.0 : spend / visited);
    }
    return values;
  }

  /** The three arms as an offers file like {@code config/hillstrom-offers.yaml}, with these values. */
  private static Path writeOffers(Map<String, Double> values, Path file) throws IOException {
    StringBuilder yaml = new StringBuilder("offers:\n");
    for (String arm : HillstromData.OFFERS) {
      yaml.append("  - id: ").append(arm).append("\n    name: ").append(arm).append("\n    channels: [campaign]\n    value: ")
          .append(values.get(arm)).append('\n');
    }
    Files.createDirectories(file.getParent());
    return Files.writeString(file, yaml);
  }

  KairosConfig config(Path home, Path dir, Path offers, boolean explore) {
    Map<String, String> overrides = Map.of("server.port", "0", "server.host", "127.0.0.1", "store.dataDir", dir.toString(),
        "decide.offersFile", offers.toString(), "store.fsync", "false");
    KairosConfig base = ConfigLoader.load(home, null, Map.of(), overrides);
    KairosConfig.Learning learning = new KairosConfig.Learning(explore, 0, 32, priorVariance, "constant", 0.01,
        visits() ? List.of("click", "convert") : List.of("convert"), List.of("dismiss", "reject"), FEATURES, 0);
    return new KairosConfig(base.server(), base.store(), base.grid(), base.identity(), base.traits(), base.consent(), base.models(),
        base.decide(), learning);
  }

  static JsonObject userId(Customer c) {
    return new JsonObject().put("userId", "hillstrom-" + c.row());
  }

  static JsonObject identify(Customer c) {
    return new JsonObject().put("type", "identify").put("channel", "crm").put("messageId", "hillstrom-" + c.row())
        .put("identifiers", userId(c)).put("traits", new JsonObject().put("recency", c.recency()).put("history", c.history())
            .put("mens", c.mens()).put("womens", c.womens()).put("zip", c.zip()).put("newbie", c.newbie()).put("channel", c.channel()));
  }

  private static List<Integer> indexes(int n) {
    List<Integer> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }

  private static JsonObject report(int customers, int train, List<Customer> test, String[] chosen, HillstromPolicies.Result r,
      Map<String, Integer> learnedFrom, double seconds) {
    JsonObject policies = new JsonObject();
    r.values().forEach((name, v) -> policies.put(name, value(v)));
    JsonObject minus = new JsonObject();
    r.learnedMinus().forEach((name, v) -> minus.put(name, value(v)));
    Map<String, Integer> shares = new HashMap<>();
    for (String c : chosen) {
      shares.merge(c, 1, Integer::sum);
    }
    JsonObject chosenShare = new JsonObject();
    HillstromData.OFFERS.forEach(o -> chosenShare.put(o, shares.getOrDefault(o, 0) / (double) chosen.length));
    return new JsonObject().put("customers", customers).put("train", train).put("test", test.size())
        .put("features", new JsonArray(FEATURES)).put("learned_from", new JsonObject(new HashMap<>(learnedFrom)))
        .put("learned_policy_choices", chosenShare).put("per_customer", policies).put("learned_minus", minus)
        .put("seconds", Math.round(seconds));
  }

  private static JsonObject value(HillstromPolicies.Value v) {
    return new JsonObject().put("conversion", PolicyEvaluateCommand.json(v.conversion())).put("spend", PolicyEvaluateCommand.json(v.spend()));
  }
}
