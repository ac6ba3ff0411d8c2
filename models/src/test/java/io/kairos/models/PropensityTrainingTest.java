package io.kairos.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real DJL training and serving on the UCI online-shoppers data in ../shared/data. */
class PropensityTrainingTest {

  static final String DATA = "online_shoppers_intention/online_shoppers_intention_train.csv";
  static final ObjectMapper JSON = new ObjectMapper();

  static String runCli(String... args) {
    Cli result = Cli.run(args);
    assertThat(result.exit()).as(result.err()).isZero();
    return result.out();
  }

  @Test
  void trainEvaluateAndScoreThroughTheCommands(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("model");
    Path data = SharedData.file(DATA);
    runCli("train", "--input", data.toString(), "--label", "Revenue", "--out", model.toString(), "--epochs", "12",
        "--exclude", "OperatingSystems,Browser,Region,TrafficType");
    assertThat(model.resolve("model.json")).exists();
    assertThat(model.resolve("MODEL_CARD.md")).exists();

    try (DjlPropensityModel m = DjlPropensityModel.load(model)) {
      BinaryMetrics validation = m.descriptor().validation();
      assertThat(validation.auc()).isGreaterThan(0.85);
      assertThat(validation.logloss()).isLessThan(0.35); // the base-rate predictor scores about 0.43
      assertThat(m.descriptor().baseRate()).isBetween(0.14, 0.17);
      double busy = m.score(Map.<String, Object>of("ProductRelated", 60, "ProductRelated_Duration", 3000, "PageValues", 40,
          "Month", "Nov", "VisitorType", "Returning_Visitor")::get);
      double bounce = m.score(Map.<String, Object>of("ProductRelated", 1, "ProductRelated_Duration", 0, "PageValues", 0,
          "BounceRates", 0.2, "ExitRates", 0.2, "Month", "Feb")::get);
      assertThat(busy).isGreaterThan(bounce);
    }

    JsonNode eval = JSON.readTree(runCli("eval", "--model", model.toString(), "--input", data.toString(), "--label", "Revenue"));
    for (String key : List.of("auc", "pr_auc", "logloss", "brier", "threshold", "accuracy", "precision", "recall", "f1")) {
      assertThat(eval.path(key).isNumber()).as(key).isTrue();
    }
    assertThat(eval.path("calibration").get(0).path("observed_rate").isNumber()).isTrue();

    Path scores = dir.resolve("scores.csv");
    runCli("score", "--model", model.toString(), "--input", data.toString(), "--output", scores.toString());
    List<String> lines = Files.readAllLines(scores);
    assertThat(lines.get(0)).isEqualTo("score");
    assertThat(lines).hasSize(CsvTable.read(data).size() + 1);
    assertThat(Double.parseDouble(lines.get(1))).isBetween(0.0, 1.0);
  }

  @Test
  void weightedPositivesAreCalibratedBackToProbabilities(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("weighted");
    Path data = SharedData.file(DATA);
    runCli("train", "--input", data.toString(), "--out", model.toString(), "--epochs", "10", "--positive-weight", "5",
        "--exclude", "OperatingSystems,Browser,Region,TrafficType");
    CsvTable table = CsvTable.read(data);
    try (DjlPropensityModel m = DjlPropensityModel.load(model)) {
      double mean = java.util.Arrays.stream(m.scoreAll(table.rowLookups())).average().orElseThrow();
      // Uncalibrated, a 5x weight on positives pushes the mean score far above the 15.5% base rate.
      assertThat(mean).isCloseTo(m.descriptor().baseRate(), org.assertj.core.api.Assertions.within(0.03));
      assertThat(m.descriptor().calibration().intercept()).isLessThan(-0.5);
    }
  }

  @Test
  void compareFitsTheMlpAndBothBaselinesOnTheSameSplitAndCrossValidates() throws Exception {
    JsonNode report = JSON.readTree(runCli("compare", "--input", SharedData.file(DATA).toString(), "--epochs", "8",
        "--folds", "2", "--exclude", "OperatingSystems,Browser,Region,TrafficType"));
    assertThat(report.path("rows").asInt()).isEqualTo(CsvTable.read(SharedData.file(DATA)).size());
    for (String model : List.of("mlp", "logistic_regression", "xgboost")) {
      assertThat(report.path("holdout").path(model).path("auc").asDouble()).as(model).isGreaterThan(0.85);
      assertThat(report.path("holdout").path(model).path("n").asInt()).as(model)
          .isEqualTo(report.path("holdout").path("mlp").path("n").asInt());
    }
    assertThat(report.path("cross_validation")).hasSize(3);
    JsonNode cvAuc = report.path("cross_validation").get(2).path("metrics").path("auc");
    assertThat(cvAuc.path("mean").asDouble()).isGreaterThan(0.85);
    assertThat(cvAuc.path("std").asDouble()).isBetween(0.0, 0.1);
  }

  @Test
  void tuneCrossValidatesEveryGridPointAndSortsByLogLoss() throws Exception {
    JsonNode tune = JSON.readTree(runCli("tune", "--input", SharedData.file(DATA).toString(), "--epochs", "4", "--folds", "2",
        "--grid", "hidden=16,32x16", "--grid", "learning-rate=0.003"));
    assertThat(tune.path("rows")).hasSize(2);
    double first = tune.path("rows").get(0).path("metrics").path("logloss").path("mean").asDouble();
    double second = tune.path("rows").get(1).path("metrics").path("logloss").path("mean").asDouble();
    assertThat(first).isLessThanOrEqualTo(second);
    assertThat(Cli.run("tune", "--input", SharedData.file(DATA).toString(), "--grid", "dropout=0.1").err()).contains("key one of");
  }

  @Test
  void explanationsNameTheFeaturesThatMovedTheScore() throws Exception {
    try (DjlPropensityModel m = DjlPropensityModel.load(SharedData.shippedModels().resolve("propensity"))) {
      java.util.function.Function<String, Object> highValue = Map.<String, Object>of("ProductRelated", 40, "ProductRelated_Duration", 1800,
          "PageValues", 60, "Month", "Nov", "VisitorType", "Returning_Visitor")::get;
      java.util.function.Function<String, Object> browsing = Map.<String, Object>of("ProductRelated", 3, "PageValues", 0, "Month", "Feb")::get;
      List<Explanation> explained = m.explainAll(List.of(highValue, browsing), 3);
      double[] scores = m.scoreAll(List.of(highValue, browsing));
      assertThat(explained.get(0).score()).isCloseTo(scores[0], org.assertj.core.api.Assertions.within(1e-6));
      assertThat(explained.get(0).top()).hasSize(3);
      Explanation.Contribution first = explained.get(0).top().get(0);
      assertThat(first.feature()).isEqualTo("PageValues");
      assertThat(first.logit()).as("a high page value raises the propensity").isPositive();
      assertThat(Math.abs(explained.get(0).top().get(0).logit())).isGreaterThanOrEqualTo(Math.abs(explained.get(0).top().get(2).logit()));
    }
  }

  @Test
  void shippedModelLoadsOfflineAndRanksTheDataWell() throws Exception {
    Path shipped = SharedData.shippedModels().resolve("propensity");
    CsvTable table = CsvTable.read(SharedData.file(DATA));
    try (DjlPropensityModel m = DjlPropensityModel.load(shipped)) {
      double[] scores = m.scoreAll(table.rowLookups());
      // Mostly training rows, so this is a smoke check of loading and serving; the model card holds the validation figures.
      assertThat(BinaryMetrics.of(table.labels("Revenue"), scores, m.descriptor().threshold()).auc()).isGreaterThan(0.9);
    }
  }
}
