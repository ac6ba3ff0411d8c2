package io.kairos.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to the commands fails with status 2 and one line naming the file line and column. */
class BadInputTest {

  static List<String> lines;
  @TempDir Path dir;

  @BeforeAll
  static void readSample() throws IOException {
    lines = Files.readAllLines(SharedData.file(PropensityTrainingTest.DATA)).subList(0, 301);
  }

  Path csv(List<String> content) throws IOException {
    Path file = Files.createTempFile(dir, "input", ".csv");
    Files.write(file, content);
    return file;
  }

  /** The sample with one cell replaced; {@code row} counts data rows from 0. */
  Path withCell(int row, String column, String value) throws IOException {
    List<String> copy = new ArrayList<>(lines);
    int col = Arrays.asList(lines.get(0).split(",")).indexOf(column);
    String[] cells = copy.get(row + 1).split(",", -1);
    cells[col] = value;
    copy.set(row + 1, String.join(",", cells));
    return csv(copy);
  }

  Path withoutColumn(String column) throws IOException {
    int col = Arrays.asList(lines.get(0).split(",")).indexOf(column);
    List<String> copy = new ArrayList<>();
    for (String line : lines) {
      List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
      cells.remove(col);
      copy.add(String.join(",", cells));
    }
    return csv(copy);
  }

  Cli train(Path input) {
    return Cli.run("train", "--input", input.toString(), "--label", "Revenue", "--out", dir.resolve("m").toString(), "--epochs", "2");
  }

  static String shipped() {
    return SharedData.shippedModels().resolve("propensity").toString();
  }

  @Test
  void trainingRejectsEmptyFilesHeaderOnlyAndMissingLabels() throws IOException {
    assertThat(train(csv(List.of()))).satisfies(r -> {
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("is empty");
    });
    assertThat(train(csv(List.of(lines.get(0)))).err()).contains("header but no rows");
    assertThat(train(withoutColumn("Revenue")).err()).contains("label column 'Revenue' not in header");
    assertThat(Files.exists(dir.resolve("m"))).isFalse();
  }

  @Test
  void trainingNamesTheLineAndColumnOfBadValues() throws IOException {
    Cli typo = train(withCell(10, "BounceRates", "abc"));
    assertThat(typo.exit()).isEqualTo(2);
    assertThat(typo.err()).contains("line 12, column BounceRates: 'abc' is not a finite number");
    assertThat(train(withCell(3, "PageValues", "NaN")).err()).contains("line 5, column PageValues: 'NaN'");
    assertThat(train(withCell(4, "ExitRates", "Infinity")).err()).contains("line 6, column ExitRates");
    assertThat(train(withCell(7, "Revenue", "maybe")).err()).contains("line 9, column Revenue: label 'maybe'");
    List<String> negativesOnly = new ArrayList<>(List.of(lines.get(0)));
    negativesOnly.addAll(lines.stream().skip(1).filter(l -> l.endsWith("FALSE")).toList());
    assertThat(train(csv(negativesOnly)).err()).contains("only one class");
    assertThat(Cli.run("train", "--input", csv(lines).toString(), "--out", dir.resolve("m").toString(), "--categorical", "Nope").err())
        .contains("--categorical names column 'Nope'");
  }

  @Test
  void scoringRejectsMissingColumnsAndNonNumbersButAcceptsUnseenCategoriesAndEmptyCells() throws IOException {
    Path out = dir.resolve("scores.csv");
    Cli missing = Cli.run("score", "--model", shipped(), "--input", withoutColumn("PageValues").toString(), "--output", out.toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("lacks column(s) [PageValues]");

    Cli nan = Cli.run("score", "--model", shipped(), "--input", withCell(0, "ProductRelated", "NaN").toString(), "--output", out.toString());
    assertThat(nan.exit()).isEqualTo(2);
    assertThat(nan.err()).contains("line 2, column ProductRelated");

    Cli unseen = Cli.run("score", "--model", shipped(), "--input", withCell(0, "Month", "Smarch").toString(), "--output", out.toString());
    assertThat(unseen.exit()).isZero();
    assertThat(unseen.err()).contains("column Month has values not seen in training [Smarch]");
    assertThat(Files.readAllLines(out)).hasSize(301);

    Cli empty = Cli.run("score", "--model", shipped(), "--input", withCell(0, "BounceRates", "").toString(), "--output", out.toString());
    assertThat(empty.exit()).isZero();
    assertThat(Double.parseDouble(Files.readAllLines(out).get(1))).isBetween(0.0, 1.0);

    Cli noModel = Cli.run("eval", "--model", dir.toString(), "--input", csv(lines).toString());
    assertThat(noModel.exit()).isEqualTo(2);
    assertThat(noModel.err()).contains("no model.json in");
  }
}
