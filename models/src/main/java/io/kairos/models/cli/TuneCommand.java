package io.kairos.models.cli;

import io.kairos.models.CrossValidation;
import io.kairos.models.CsvTable;
import io.kairos.models.FeatureSpec;
import io.kairos.models.Hyperparameters;
import io.kairos.models.MlpLearner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "tune", description = {
    "Stratified k-fold cross-validation of the MLP over a declared grid, e.g.",
    "  --grid hidden=32x16,64x32 --grid learning-rate=0.001,0.003 --grid positive-weight=1,3",
    "Keys: hidden, learning-rate, weight-decay, positive-weight, batch-size. Rows are sorted by mean log-loss.",
    "Prints a JSON object; --format markdown prints the table."})
final class TuneCommand implements Callable<Integer> {
  @Mixin TrainingOptions options;
  @Option(names = "--grid", description = "key=v1,v2,... (repeatable); other settings come from the usual options")
  List<String> grid = new ArrayList<>();
  @Option(names = "--folds", defaultValue = "5") int folds;
  @Option(names = "--format", defaultValue = "json", description = "json or markdown") String format;

  /** One grid point's settings and cross-validated spreads. */
  record Row(Map<String, String> settings, Map<String, CrossValidation.Spread> metrics) {}

  @Override
  public Integer call() throws Exception {
    CsvTable table = options.table();
    FeatureSpec spec = options.spec(table);
    Hyperparameters base = options.hyperparameters();
    CrossValidation cv = new CrossValidation(table, spec, base.validationShare(), base.seed());
    List<Row> rows = new ArrayList<>();
    for (Map<String, String> point : points(parse(grid))) {
      Hyperparameters hp = apply(base, point);
      System.err.println("tune: " + point);
      rows.add(new Row(point, cv.run(new MlpLearner(hp), folds).metrics()));
    }
    rows.sort(Comparator.comparingDouble(r -> r.metrics().get("logloss").mean()));
    if ("markdown".equals(format)) {
      System.out.println(markdown(rows));
    } else {
      System.out.println(PropensityCli.JSON.writeValueAsString(Map.of("folds", folds, "rows", rows)));
    }
    return 0;
  }

  static Map<String, List<String>> parse(List<String> grid) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String entry : grid) {
      int eq = entry.indexOf('=');
      String key = eq < 0 ? "" : entry.substring(0, eq).strip();
      if (!List.of("hidden", "learning-rate", "weight-decay", "positive-weight", "batch-size").contains(key)) {
        throw new IllegalArgumentException("--grid " + entry + ": expected key=v1,v2 with key one of hidden, learning-rate,"
            + " weight-decay, positive-weight, batch-size");
      }
      out.put(key, List.of(entry.substring(eq + 1).split(",")));
    }
    return out;
  }

  static List<Map<String, String>> points(Map<String, List<String>> grid) {
    List<Map<String, String>> points = new ArrayList<>();
    points.add(new LinkedHashMap<>());
    for (Map.Entry<String, List<String>> axis : grid.entrySet()) {
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> p : points) {
        for (String v : axis.getValue()) {
          Map<String, String> q = new LinkedHashMap<>(p);
          q.put(axis.getKey(), v.strip());
          next.add(q);
        }
      }
      points = next;
    }
    return points;
  }

  static Hyperparameters apply(Hyperparameters b, Map<String, String> point) {
    try {
      List<Integer> hidden = point.containsKey("hidden") ? hidden(point.get("hidden")) : b.hidden();
      float lr = point.containsKey("learning-rate") ? Float.parseFloat(point.get("learning-rate")) : b.learningRate();
      float wd = point.containsKey("weight-decay") ? Float.parseFloat(point.get("weight-decay")) : b.weightDecay();
      float pw = point.containsKey("positive-weight") ? Float.parseFloat(point.get("positive-weight")) : b.positiveWeight();
      int batch = point.containsKey("batch-size") ? Integer.parseInt(point.get("batch-size")) : b.batchSize();
      return new Hyperparameters(hidden, b.maxEpochs(), b.patience(), batch, lr, wd, pw, b.validationShare(), b.seed(), b.ensemble());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--grid value is not a number in " + point);
    }
  }

  private static List<Integer> hidden(String spec) {
    if (spec.equals("0")) {
      return List.of();
    }
    List<Integer> layers = new ArrayList<>();
    for (String part : spec.split("x")) {
      layers.add(Integer.parseInt(part.strip()));
    }
    return layers;
  }

  private static String markdown(List<Row> rows) {
    StringBuilder out = new StringBuilder("| settings | AUC | PR-AUC | log-loss | Brier |\n|---|---|---|---|---|\n");
    for (Row r : rows) {
      out.append("| ").append(r.settings()).append(' ');
      for (String m : List.of("auc", "pr_auc", "logloss", "brier")) {
        CrossValidation.Spread s = r.metrics().get(m);
        out.append(String.format(Locale.ROOT, "| %.4f ± %.4f ", s.mean(), s.std()));
      }
      out.append("|\n");
    }
    return out.toString();
  }
}
