package io.kairos.models.cli;

import io.kairos.models.CsvTable;
import io.kairos.models.DjlPropensityModel;
import io.kairos.models.TableCheck;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "score", description = "Write one probability per input row (header: score), in input order.")
final class ScoreCommand implements Callable<Integer> {
  @Option(names = "--model", required = true) Path model;
  @Option(names = "--input", required = true) Path input;
  @Option(names = "--output", required = true) Path output;

  @Override
  public Integer call() throws Exception {
    CsvTable table = CsvTable.read(input);
    try (DjlPropensityModel m = DjlPropensityModel.load(model)) {
      TableCheck.forScoring(table, m.descriptor().preprocessor()).forEach(w -> System.err.println("warning: " + w));
      double[] scores = m.scoreAll(table.rowLookups());
      try (BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
        w.write("score\n");
        for (double s : scores) {
          w.write(String.format(Locale.ROOT, "%.6f%n", s));
        }
      }
    }
    return 0;
  }
}
