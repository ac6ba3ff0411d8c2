package io.kairos.models.cli;

import io.kairos.models.CsvTable;
import io.kairos.models.FeatureSpec;
import io.kairos.models.Hyperparameters;
import io.kairos.models.TableCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** Input, columns and hyperparameters shared by train, compare and tune. */
final class TrainingOptions {
  @Option(names = "--input", required = true, description = "CSV with a header line") Path input;
  @Option(names = "--label", defaultValue = "Revenue", description = "0/1 or true/false column to predict") String label;
  @Option(names = "--exclude", split = ",", description = "columns not to use") List<String> exclude = new ArrayList<>();
  @Option(names = "--categorical", split = ",", description = "columns to treat as categories (integer codes)")
  List<String> categorical = new ArrayList<>();
  @Option(names = "--hidden", split = ",", defaultValue = "32,16", description = "hidden layer sizes; 0 for none (logistic regression)")
  List<Integer> hidden;
  @Option(names = "--epochs", defaultValue = "60") int epochs;
  @Option(names = "--patience", defaultValue = "6") int patience;
  @Option(names = "--batch-size", defaultValue = "64") int batchSize;
  @Option(names = "--learning-rate", defaultValue = "0.001") float learningRate;
  @Option(names = "--weight-decay", defaultValue = "0.0001") float weightDecay;
  @Option(names = "--positive-weight", defaultValue = "1", description = "loss weight of positive rows (class imbalance)")
  float positiveWeight;
  @Option(names = "--validation-share", defaultValue = "0.2") double validationShare;
  @Option(names = "--seed", defaultValue = "42") long seed;
  @Option(names = "--ensemble", defaultValue = "1", description = "networks from different seeds, logits averaged") int ensemble;

  Hyperparameters hyperparameters() {
    List<Integer> layers = hidden.equals(List.of(0)) ? List.of() : hidden;
    return new Hyperparameters(layers, epochs, patience, batchSize, learningRate, weightDecay, positiveWeight, validationShare, seed, ensemble);
  }

  CsvTable table() throws IOException {
    return CsvTable.read(input);
  }

  FeatureSpec spec(CsvTable table) {
    for (String name : categorical) {
      if (table.columnIndex(name) < 0) {
        throw new IllegalArgumentException("--categorical names column '" + name + "', which is not in the header " + table.header());
      }
    }
    FeatureSpec spec = FeatureSpec.infer(table, label, Set.copyOf(exclude), Set.copyOf(categorical));
    TableCheck.forTraining(table, spec);
    return spec;
  }

  String describe() {
    return "--input " + input + " --label " + label + (exclude.isEmpty() ? "" : " --exclude " + String.join(",", exclude))
        + (categorical.isEmpty() ? "" : " --categorical " + String.join(",", categorical))
        + " --hidden " + hidden.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")) + " --ensemble " + ensemble
        + " --epochs " + epochs + " --patience " + patience + " --batch-size " + batchSize + " --learning-rate " + learningRate
        + " --weight-decay " + weightDecay + " --positive-weight " + positiveWeight + " --validation-share " + validationShare + " --seed " + seed;
  }
}
