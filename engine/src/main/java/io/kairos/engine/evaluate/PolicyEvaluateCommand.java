package io.kairos.engine.evaluate;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kairos policy evaluate}: estimates a target policy's value from logged decisions with IPS,
 * SNIPS and DR and prints one JSON object. Either an Open Bandit Dataset log with the target given
 * as another log of the same campaign (the published check: Bernoulli Thompson sampling estimated
 * from the random policy's log, compared with its own logged click rate), or the engine's decision
 * log with a named target policy.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Off-policy evaluation (IPS, SNIPS, DR with 95% bootstrap intervals) of a policy from logged decisions.")
final class PolicyEvaluateCommand implements Callable<Integer> {

  /** Published full-data click rates (Saito et al. 2021, Table 1), for the report. */
  static final Map<String, double[]> PUBLISHED = Map.of("men", new double[] {0.0051, 0.0067}, "women", new double[] {0.0048, 0.0064},
      "all", new double[] {0.0035, 0.0050});

  @ArgGroup(exclusive = true, multiplicity = "1") Source source;

  static final class Source {
    @ArgGroup(exclusive = false) Obd obd;
    @ArgGroup(exclusive = false) Engine engine;
  }

  static final class Obd {
    @Option(names = "--obd", required = true, description = "behaviour log in Open Bandit format (e.g. random/men/men.csv)") Path log;
    @Option(names = "--target-obd", required = true, description = "a log of the target policy on the same campaign (e.g. bts/men/men.csv)")
    Path target;
  }

  static final class Engine {
    @Option(names = "--data-dir", required = true, description = "the engine's data directory (holds kairos.db)") Path dataDir;
    @Option(names = "--target", defaultValue = "greedy", description = "greedy, uniform or logged (default ${DEFAULT-VALUE})") String target;
    @Option(names = "--reward", defaultValue = "accept", description = "accept (1 per positive outcome) or revenue") String reward;
    @Option(names = "--positive", split = ",", defaultValue = "accept,convert", description = "outcomes that count as positive")
    List<String> positive;
  }

  @Option(names = "--resamples", defaultValue = "1000", description = "bootstrap resamples (default ${DEFAULT-VALUE})") int resamples;
  @Option(names = "--seed", defaultValue = "1") long seed;

  @Override
  public Integer call() {
    JsonObject out;
    if (source.obd != null) {
      ObdLog behaviour = ObdLog.read(source.obd.log);
      ObdLog target = ObdLog.read(source.obd.target);
      OffPolicyEstimates.Result r = OffPolicyEstimates.estimate(ObdEvaluation.rounds(behaviour, target.actionShares()), resamples, seed);
      double truth = target.clickRate();
      double se = Math.sqrt(truth * (1 - truth) / target.rows().size());
      out = new JsonObject().put("source", "open_bandit_dataset").put("behaviour_log", source.obd.log.toString())
          .put("target_log", source.obd.target.toString()).put("behaviour_click_rate", behaviour.clickRate());
      put(out, r);
      out.put("target_on_policy", new JsonObject().put("click_rate", truth).put("ci95", new JsonArray().add(truth - 1.96 * se)
          .add(truth + 1.96 * se)).put("rounds", target.rows().size()));
      out.put("relative_error", new JsonObject().put("ips", (r.ips().value() - truth) / truth)
          .put("snips", (r.snips().value() - truth) / truth).put("dr", (r.dr().value() - truth) / truth));
      String campaign = source.obd.log.getFileName().toString().replace(".csv", "");
      double[] published = PUBLISHED.get(campaign);
      if (published != null) {
        out.put("published_full_data", new JsonObject().put("random_click_rate", published[0]).put("bts_click_rate", published[1]))
            .put("relative_error_vs_full_data_bts", new JsonObject().put("ips", (r.ips().value() - published[1]) / published[1])
                .put("snips", (r.snips().value() - published[1]) / published[1]).put("dr", (r.dr().value() - published[1]) / published[1]));
      }
    } else {
      Engine e = source.engine;
      if (!e.reward.equals("accept") && !e.reward.equals("revenue")) {
        System.err.println("error: --reward must be accept or revenue");
        return 2;
      }
      List<LoggedRound> rounds = EngineLogEvaluation.rounds(e.dataDir, e.target, Set.copyOf(e.positive), e.reward.equals("revenue"));
      if (rounds.isEmpty()) {
        System.err.println("error: no decision in " + e.dataDir + " has feedback on its first offer");
        return 2;
      }
      out = new JsonObject().put("source", "engine_decision_log").put("data_dir", e.dataDir.toString()).put("target", e.target)
          .put("reward", e.reward).put("logged_value", rounds.stream().mapToDouble(LoggedRound::reward).average().orElse(0));
      put(out, OffPolicyEstimates.estimate(rounds, resamples, seed));
    }
    System.out.println(out.encodePrettily());
    return 0;
  }

  private static void put(JsonObject out, OffPolicyEstimates.Result r) {
    out.put("rounds", r.rounds()).put("effective_sample_size", r.effectiveSampleSize())
        .put("ips", json(r.ips())).put("snips", json(r.snips())).put("dr", json(r.dr()));
  }

  static JsonObject json(OffPolicyEstimates.Estimate e) {
    return new JsonObject().put("value", e.value()).put("ci95", new JsonArray().add(e.low()).add(e.high()));
  }
}
