package io.kairos.models.cli;

import io.kairos.models.CsvTable;
import io.kairos.models.FeatureSpec;
import io.kairos.models.Hyperparameters;
import io.kairos.models.ModelComparison;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "compare", description = {
    "MLP beside logistic-regression and XGBoost baselines: one stratified holdout split, same rows for all,",
    "then stratified k-fold cross-validation (mean and standard deviation). Prints one JSON object;",
    "--format markdown prints the table instead."})
final class CompareCommand implements Callable<Integer> {
  @Mixin TrainingOptions options;
  @Option(names = "--holdout-share", defaultValue = "0.2") double holdoutShare;
  @Option(names = "--folds", defaultValue = "5", description = "cross-validation folds; 0 or 1 skips cross-validation") int folds;
  @Option(names = "--format", defaultValue = "json", description = "json or markdown") String format;

  @Override
  public Integer call() throws Exception {
    CsvTable table = options.table();
    FeatureSpec spec = options.spec(table);
    Hyperparameters hp = options.hyperparameters();
    ModelComparison.Report report = ModelComparison.run(table, spec, ModelComparison.standardLearners(hp), hp, holdoutShare, folds);
    System.out.println("markdown".equals(format) ? ModelComparison.markdown(report) : PropensityCli.JSON.writeValueAsString(report));
    return 0;
  }
}
