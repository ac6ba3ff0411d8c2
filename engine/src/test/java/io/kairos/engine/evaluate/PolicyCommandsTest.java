package io.kairos.engine.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kairos.engine.TestEngines;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The {@code policy} commands on the shared datasets (they fail, not skip, when the data is
 * missing): the Open Bandit check, the engine-log evaluation, and the Hillstrom replay on a sample.
 */
class PolicyCommandsTest {

  static final Path OBD = TestEngines.home().resolve("../shared/data/open_bandit_dataset_small");
  static final Path HILLSTROM = TestEngines.home().resolve("../shared/data/hillstrom_email_nbo/hillstrom.csv");

  @TempDir Path dir;

  static JsonObject run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = new CommandLine(new PolicyCli()).execute(args);
    } finally {
      System.setOut(saved);
    }
    assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
    return new JsonObject(out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void benchConditionsEvaluatesEveryDistinctConditionOfTheSyntheticCatalogOnBothRuntimes() {
    for (String[] args : List.of(new String[] {"bench-conditions", "--offers", "20", "--rounds", "10"},
        new String[] {"bench-conditions", "--offers", "20", "--rounds", "10", "--planner"})) {
      JsonObject r = run(args);
      assertThat(r.getInteger("conditions")).isEqualTo(21);
      assertThat(r.getLong("held")).as("every condition of the synthetic catalog holds").isEqualTo(210);
      assertThat(r.getLong("bytes_per_condition")).isPositive();
    }
  }

  @Test
  void estimatesBernoulliThompsonSamplingFromTheRandomLogNearItsOwnClickRate() {
    assertThat(OBD.resolve("random/men/men.csv")).as("the Open Bandit sample must be in ../shared/data").exists();
    JsonObject r = run("evaluate", "--obd", OBD.resolve("random/men/men.csv").toString(),
        "--target-obd", OBD.resolve("bts/men/men.csv").toString(), "--resamples", "200");
    assertThat(r.getInteger("rounds")).isEqualTo(10_000);
    double truth = r.getJsonObject("target_on_policy").getDouble("click_rate");
    assertThat(truth).isEqualTo(0.0069);
    for (String estimator : List.of("ips", "snips", "dr")) {
      JsonObject e = r.getJsonObject(estimator);
      assertThat(e.getDouble("value")).as(estimator).isBetween(0.003, 0.010);
      assertThat(e.getJsonArray("ci95").getDouble(0)).as(estimator + " interval holds the on-policy rate").isLessThan(truth);
      assertThat(e.getJsonArray("ci95").getDouble(1)).isGreaterThan(truth);
      assertThat(Math.abs(r.getJsonObject("relative_error").getDouble(estimator))).isLessThan(0.5);
    }
    assertThat(r.getDouble("behaviour_click_rate")).isEqualTo(0.0046);
  }

  @Test
  void hillstromReplayLearnsThroughTheEngineAndValuesEveryPolicyOnHeldOutCustomers() {
    assertThat(HILLSTROM).as("the Hillstrom experiment must be in ../shared/data").exists();
    JsonObject r = run("hillstrom", "--rows", "3000", "--resamples", "200", "--threads", "2", "--work-dir", dir.resolve("h").toString());
    assertThat(r.getInteger("train") + r.getInteger("test")).isEqualTo(3000);
    JsonObject learnedFrom = r.getJsonObject("learned_from");
    assertThat(learnedFrom.getInteger("mens-email") + learnedFrom.getInteger("womens-email") + learnedFrom.getInteger("no-email"))
        .as("every training customer's arm got its outcome").isEqualTo(1500);
    JsonObject choices = r.getJsonObject("learned_policy_choices");
    assertThat(choices.getDouble("mens-email") + choices.getDouble("womens-email") + choices.getDouble("no-email")).isCloseTo(1, within(1e-9));
    JsonObject policies = r.getJsonObject("per_customer");
    // "random" is the plain mean over held-out customers; recompute it from the file
    List<HillstromData.Customer> all = new java.util.ArrayList<>(HillstromData.read(HILLSTROM));
    java.util.Collections.shuffle(all, new java.util.Random(1));
    double spend = all.subList(1500, 3000).stream().mapToDouble(HillstromData.Customer::spend).average().orElseThrow();
    assertThat(policies.getJsonObject("random").getJsonObject("spend").getDouble("value")).isCloseTo(spend, within(1e-9));
    double mens = all.subList(1500, 3000).stream().filter(c -> c.arm().equals("mens-email"))
        .mapToDouble(HillstromData.Customer::spend).average().orElseThrow();
    assertThat(policies.getJsonObject("mens_to_all").getJsonObject("spend").getDouble("value")).isCloseTo(mens, within(1e-9));
    assertThat(r.getJsonObject("learned_minus").fieldNames()).containsExactlyInAnyOrder("mens_to_all", "womens_to_all", "none", "random");
  }

  @Test
  void hillstromReplayCanLearnFromVisitsWithEachArmWorthItsSpendPerVisit() {
    assertThat(HILLSTROM).as("the Hillstrom experiment must be in ../shared/data").exists();
    JsonObject r = run("hillstrom", "--rows", "1500", "--resamples", "50", "--threads", "2", "--learn-on", "visit",
        "--work-dir", dir.resolve("v").toString());
    assertThat(r.getString("learn_on")).isEqualTo("visit");
    JsonObject learnedFrom = r.getJsonObject("learned_from");
    assertThat(learnedFrom.getInteger("mens-email") + learnedFrom.getInteger("womens-email") + learnedFrom.getInteger("no-email"))
        .isEqualTo(750);
    List<HillstromData.Customer> all = new java.util.ArrayList<>(HillstromData.read(HILLSTROM));
    java.util.Collections.shuffle(all, new java.util.Random(1));
    for (String arm : HillstromData.OFFERS) {
      List<HillstromData.Customer> trained = all.subList(0, 750).stream().filter(c -> c.arm().equals(arm)).toList();
      double perVisit = trained.stream().mapToDouble(HillstromData.Customer::spend).sum()
          / trained.stream().mapToInt(HillstromData.Customer::visit).sum();
      assertThat(r.getJsonObject("arm_values").getDouble(arm)).as(arm + ": training spend per visit").isCloseTo(perVisit, within(1e-9));
    }
    assertThat(new CommandLine(new PolicyCli()).execute("hillstrom", "--learn-on", "clicks")).isEqualTo(2);
  }

  @Test
  void evaluatesPoliciesFromTheEnginesOwnDecisionLogAndRefusesBadLogs() throws Exception {
    Path data = dir.resolve("engine");
    try (LoopbackEngine engine = LoopbackEngine.start(TestEngines.config(data,
        java.util.Map.of("learning.explore", "true", "learning.controlShare", "0.1")))) {
      java.util.SplittableRandom random = new java.util.SplittableRandom(5);
      for (int i = 0; i < 150; i++) {
        JsonObject d = engine.decide(new JsonObject().put("identifiers", new JsonObject().put("userId", "e" + i))
            .put("channel", "call_center").put("limit", 1));
        String offer = d.getJsonArray("offers").getJsonObject(0).getString("offerId");
        engine.feedback(new JsonObject().put("decisionId", d.getString("decisionId")).put("offerId", offer)
            .put("outcome", random.nextDouble() < 0.3 ? "accept" : "dismiss"));
      }
    }
    JsonObject logged = run("evaluate", "--data-dir", data.toString(), "--target", "logged", "--resamples", "100");
    assertThat(logged.getInteger("rounds")).isEqualTo(150);
    assertThat(logged.getJsonObject("ips").getDouble("value")).as("the logging policy evaluated on its own log")
        .isCloseTo(logged.getDouble("logged_value"), within(1e-9));
    JsonObject greedy = run("evaluate", "--data-dir", data.toString(), "--target", "greedy", "--resamples", "100");
    assertThat(greedy.getDouble("effective_sample_size")).isPositive();

    Path broken = dir.resolve("broken.csv");
    Files.writeString(broken, ",timestamp,item_id,position,click,propensity_score\n0,t,1,1,0,1.5\n");
    assertThat(new CommandLine(new PolicyCli()).setExecutionExceptionHandler((e, cmd, parsed) -> 2)
        .execute("evaluate", "--obd", broken.toString(), "--target-obd", broken.toString())).isEqualTo(2);
  }
}
