package io.kairos.models.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kairos.models.BinaryMetrics;
import io.kairos.models.CsvTable;
import io.kairos.models.DjlPropensityModel;
import io.kairos.models.FeatureSpec;
import io.kairos.models.Hyperparameters;
import io.kairos.models.ModelCard;
import io.kairos.models.ModelDescriptor;
import io.kairos.models.PropensityTrainer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kairos propensity train|score|eval}. Results go to standard output, logs to standard error. */
@Command(name = "propensity", mixinStandardHelpOptions = true,
    description = "Train, score with and evaluate purchase-propensity models.",
    subcommands = {PropensityCli.Train.class, PropensityCli.Score.class, PropensityCli.Eval.class})
public final class PropensityCli {

  /** Command output uses snake_case keys (auc, pr_auc, logloss, ...), like the sentiment commands. */
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    return new CommandLine(new PropensityCli()).execute(args);
  }

  @Command(name = "train", description = "Train an MLP from a CSV with a header.")
  static final class Train implements Callable<Integer> {
    @Option(names = "--input", required = true) Path input;
    @Option(names = "--label", defaultValue = "Revenue") String label;
    @Option(names = "--out", required = true, description = "model directory to write") Path out;
    @Option(names = "--exclude", split = ",", description = "columns not to use") List<String> exclude = new ArrayList<>();
    @Option(names = "--categorical", split = ",", description = "columns to treat as categories") List<String> categorical = new ArrayList<>();
    @Option(names = "--hidden", split = ",", defaultValue = "32,16") List<Integer> hidden;
    @Option(names = "--epochs", defaultValue = "60") int epochs;
    @Option(names = "--patience", defaultValue = "6") int patience;
    @Option(names = "--batch-size", defaultValue = "64") int batchSize;
    @Option(names = "--learning-rate", defaultValue = "0.001") float learningRate;
    @Option(names = "--weight-decay", defaultValue = "0.0001") float weightDecay;
    @Option(names = "--validation-share", defaultValue = "0.2") double validationShare;
    @Option(names = "--seed", defaultValue = "42") long seed;

    @Override
    public Integer call() throws Exception {
      CsvTable table = CsvTable.read(input);
      FeatureSpec spec = FeatureSpec.infer(table, label, Set.copyOf(exclude), Set.copyOf(categorical));
      Hyperparameters hp = new Hyperparameters(hidden, epochs, patience, batchSize, learningRate, weightDecay, validationShare, seed);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("file", input.getFileName().toString());
      data.put("rows", table.size());
      data.put("sha256", sha256(input));
      System.err.printf("training on %d rows, %d feature columns%n", table.size(), spec.columns().size());
      ModelDescriptor d = new PropensityTrainer().train(table, spec, hp, data, out);
      String command = "bin/kairos propensity train --input " + input + " --label " + label
          + (exclude.isEmpty() ? "" : " --exclude " + String.join(",", exclude))
          + (categorical.isEmpty() ? "" : " --categorical " + String.join(",", categorical)) + " --out " + out;
      Files.writeString(out.resolve("MODEL_CARD.md"), ModelCard.render(d, command), StandardCharsets.UTF_8);
      System.out.println(JSON.writeValueAsString(Map.of("model", d.name() + "@" + d.version(), "validation", d.validation())));
      return 0;
    }
  }

  @Command(name = "score", description = "Write one probability per input row (header: score), in input order.")
  static final class Score implements Callable<Integer> {
    @Option(names = "--model", required = true) Path model;
    @Option(names = "--input", required = true) Path input;
    @Option(names = "--output", required = true) Path output;

    @Override
    public Integer call() throws Exception {
      CsvTable table = CsvTable.read(input);
      try (DjlPropensityModel m = DjlPropensityModel.load(model); BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
        double[] scores = m.scoreAll(table.rowLookups());
        w.write("score\n");
        for (double s : scores) {
          w.write(String.format(java.util.Locale.ROOT, "%.6f%n", s));
        }
      }
      return 0;
    }
  }

  @Command(name = "eval", description = "Evaluate a model on a labelled CSV; prints one JSON object.")
  static final class Eval implements Callable<Integer> {
    @Option(names = "--model", required = true) Path model;
    @Option(names = "--input", required = true) Path input;
    @Option(names = "--label", defaultValue = "Revenue") String label;

    @Override
    public Integer call() throws Exception {
      CsvTable table = CsvTable.read(input);
      try (DjlPropensityModel m = DjlPropensityModel.load(model)) {
        double[] scores = m.scoreAll(table.rowLookups());
        BinaryMetrics metrics = BinaryMetrics.of(table.labels(label), scores, m.descriptor().threshold());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", m.version());
        out.put("input", input.getFileName().toString());
        out.put("metrics", metrics);
        System.out.println(JSON.writeValueAsString(out));
      }
      return 0;
    }
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
