package io.kairos.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairos.models.cli.PropensityCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real DJL training and serving on the UCI online-shoppers data in ../shared/data. */
class PropensityTrainingTest {

  static final String DATA = "online_shoppers_intention/online_shoppers_intention_train.csv";

  static String runCli(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertThat(PropensityCli.run(args)).isZero();
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
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

    String eval = runCli("eval", "--model", model.toString(), "--input", data.toString(), "--label", "Revenue");
    assertThat(eval).contains("\"auc\"").contains("\"pr_auc\"").contains("\"logloss\"").contains("\"brier\"").contains("\"calibration\"");

    Path scores = dir.resolve("scores.csv");
    runCli("score", "--model", model.toString(), "--input", data.toString(), "--output", scores.toString());
    List<String> lines = Files.readAllLines(scores);
    assertThat(lines.get(0)).isEqualTo("score");
    assertThat(lines).hasSize(CsvTable.read(data).size() + 1);
    assertThat(Double.parseDouble(lines.get(1))).isBetween(0.0, 1.0);
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
