package io.kairos.models.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kairos.models.BinaryMetrics;
import io.kairos.models.CsvTable;
import io.kairos.models.DjlPropensityModel;
import io.kairos.models.TableCheck;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval", description = "Evaluate a model on a labelled CSV; prints one JSON object.")
final class EvalCommand implements Callable<Integer> {
  @Option(names = "--model", required = true) Path model;
  @Option(names = "--input", required = true) Path input;
  @Option(names = "--label", defaultValue = "Revenue") String label;
  @Option(names = "--threshold", description = "decision threshold; default: the one chosen on validation at training")
  Double threshold;

  @Override
  public Integer call() throws Exception {
    CsvTable table = CsvTable.read(input);
    try (DjlPropensityModel m = DjlPropensityModel.load(model)) {
      TableCheck.forScoring(table, m.descriptor().preprocessor()).forEach(w -> System.err.println("warning: " + w));
      float[] labels = table.labels(label);
      double[] scores = m.scoreAll(table.rowLookups());
      BinaryMetrics metrics = BinaryMetrics.of(labels, scores, threshold == null ? m.descriptor().threshold() : threshold);
      ObjectNode out = PropensityCli.JSON.createObjectNode();
      out.put("model", m.version());
      out.put("input", input.getFileName().toString());
      out.setAll((ObjectNode) PropensityCli.JSON.valueToTree(metrics));
      System.out.println(PropensityCli.JSON.writeValueAsString(out));
    }
    return 0;
  }
}
