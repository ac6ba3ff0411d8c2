package io.kairos.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Honest estimates: a learner is fitted on training rows only (preprocessing included, with an
 * inner stratified validation split for early stopping, calibration and the threshold) and
 * measured on rows it never saw, once per stratified fold.
 */
public final class CrossValidation {

  /** The metrics summarized across folds. */
  static final Map<String, ToDoubleFunction<BinaryMetrics>> METRICS = metrics();

  private final CsvTable table;
  private final FeatureSpec spec;
  private final float[] labels;
  private final double validationShare;
  private final long seed;

  public CrossValidation(CsvTable table, FeatureSpec spec, double validationShare, long seed) {
    this.table = table;
    this.spec = spec;
    this.labels = table.labels(spec.label());
    this.validationShare = validationShare;
    this.seed = seed;
  }

  /** Mean and sample standard deviation of one metric across folds. */
  public record Spread(double mean, double std) {
    static Spread of(List<Double> values) {
      double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
      double var = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / Math.max(1, values.size() - 1);
      return new Spread(mean, Math.sqrt(var));
    }
  }

  /** One learner's fold results and their spread per metric. */
  public record Summary(String model, int folds, Map<String, Spread> metrics) {}

  /** Fits on {@code trainRows} and returns metrics on {@code testRows}. */
  public BinaryMetrics holdout(Learner learner, int[] trainRows, int[] testRows) throws IOException {
    Splits.Split inner = Splits.stratified(labels, trainRows, validationShare, seed);
    Preprocessor pre = Preprocessor.fit(spec, table, inner.train());
    Path work = Files.createTempDirectory("kairos-cv-");
    EncodedRows validation = EncodedRows.of(pre, table, inner.validation(), labels);
    try (Scorer scorer = learner.fit(EncodedRows.of(pre, table, inner.train(), labels), validation, work)) {
      double threshold = Thresholds.maxF1(validation.y(), scorer.scores(validation));
      EncodedRows test = EncodedRows.of(pre, table, testRows, labels);
      return BinaryMetrics.of(test.y(), scorer.scores(test), threshold);
    } finally {
      deleteTree(work);
    }
  }

  public Summary run(Learner learner, int k) throws IOException {
    List<BinaryMetrics> results = new ArrayList<>();
    for (int[] test : Splits.folds(labels, k, seed)) {
      results.add(holdout(learner, Splits.complement(labels.length, test), test));
    }
    return summarize(learner.name(), results);
  }

  static Summary summarize(String model, List<BinaryMetrics> results) {
    Map<String, Spread> spreads = new LinkedHashMap<>();
    METRICS.forEach((name, metric) -> spreads.put(name, Spread.of(results.stream().map(metric::applyAsDouble).toList())));
    return new Summary(model, results.size(), spreads);
  }

  private static Map<String, ToDoubleFunction<BinaryMetrics>> metrics() {
    Map<String, ToDoubleFunction<BinaryMetrics>> m = new LinkedHashMap<>();
    m.put("auc", BinaryMetrics::auc);
    m.put("pr_auc", BinaryMetrics::prAuc);
    m.put("logloss", BinaryMetrics::logloss);
    m.put("brier", BinaryMetrics::brier);
    m.put("f1", BinaryMetrics::f1);
    return m;
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
