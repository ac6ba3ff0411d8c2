package io.kairos.models;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The honest comparison: the MLP beside a logistic-regression and a gradient-boosted-trees
 * baseline, fitted in the same run on the same stratified holdout split, then k-fold
 * cross-validated means and spreads for each.
 */
public final class ModelComparison {

  /** Holdout metrics per model, then cross-validated spreads per model. */
  public record Report(int rows, double positiveRate, double holdoutShare, int folds, long seed,
      Map<String, BinaryMetrics> holdout, List<CrossValidation.Summary> crossValidation) {}

  public static List<Learner> standardLearners(Hyperparameters hp) {
    return List.of(new MlpLearner(hp), new MlpLearner(hp.withHidden(List.of())), XgboostLearner.defaults(hp.seed()));
  }

  public static Report run(CsvTable table, FeatureSpec spec, List<Learner> learners, Hyperparameters hp, double holdoutShare,
      int folds) throws IOException {
    float[] labels = table.labels(spec.label());
    CrossValidation cv = new CrossValidation(table, spec, hp.validationShare(), hp.seed());
    Splits.Split split = Splits.stratified(labels, Splits.all(labels.length), holdoutShare, hp.seed());
    Map<String, BinaryMetrics> holdout = new LinkedHashMap<>();
    for (Learner learner : learners) {
      holdout.put(learner.name(), cv.holdout(learner, split.train(), split.validation()));
    }
    List<CrossValidation.Summary> summaries = new ArrayList<>();
    if (folds > 1) {
      for (Learner learner : learners) {
        summaries.add(cv.run(learner, folds));
      }
    }
    double positiveRate = 0;
    for (float y : labels) positiveRate += y;
    return new Report(labels.length, positiveRate / Math.max(1, labels.length), holdoutShare, folds, hp.seed(), holdout, summaries);
  }

  /** The report as a Markdown table (holdout, then cross-validated mean ± std). */
  public static String markdown(Report report) {
    StringBuilder out = new StringBuilder();
    out.append("| model | holdout AUC | holdout PR-AUC | holdout log-loss | holdout Brier | CV AUC | CV PR-AUC | CV log-loss |\n");
    out.append("|---|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, BinaryMetrics> e : report.holdout().entrySet()) {
      BinaryMetrics m = e.getValue();
      CrossValidation.Summary s = report.crossValidation().stream().filter(c -> c.model().equals(e.getKey())).findFirst().orElse(null);
      out.append(String.format(java.util.Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.4f | %s | %s | %s |%n", e.getKey(), m.auc(),
          m.prAuc(), m.logloss(), m.brier(), spread(s, "auc"), spread(s, "pr_auc"), spread(s, "logloss")));
    }
    return out.toString();
  }

  static String spread(CrossValidation.Summary s, String metric) {
    if (s == null) {
      return "–";
    }
    CrossValidation.Spread v = s.metrics().get(metric);
    return String.format(java.util.Locale.ROOT, "%.4f ± %.4f", v.mean(), v.std());
  }
}
