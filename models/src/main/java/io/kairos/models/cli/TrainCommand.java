package io.kairos.models.cli;

import io.kairos.models.CsvTable;
import io.kairos.models.FeatureSpec;
import io.kairos.models.Hyperparameters;
import io.kairos.models.ModelCard;
import io.kairos.models.ModelDescriptor;
import io.kairos.models.PropensityTrainer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", description = "Train an MLP from a CSV with a header; writes a model directory with its card.")
final class TrainCommand implements Callable<Integer> {
  @Mixin TrainingOptions options;
  @Option(names = "--out", required = true, description = "model directory to write") Path out;

  @Override
  public Integer call() throws Exception {
    CsvTable table = options.table();
    FeatureSpec spec = options.spec(table);
    Hyperparameters hp = options.hyperparameters();
    System.err.printf("training on %d rows, %d feature columns%n", table.size(), spec.columns().size());
    ModelDescriptor d = new PropensityTrainer().train(table, spec, hp, PropensityCli.fingerprint(options.input, table.size()), out);
    String command = "bin/kairos propensity train " + options.describe() + " --out " + out;
    Files.writeString(out.resolve("MODEL_CARD.md"), ModelCard.render(d, command), StandardCharsets.UTF_8);
    System.out.println(PropensityCli.JSON.writeValueAsString(Map.of("model", d.name() + "@" + d.version(), "validation", d.validation())));
    return 0;
  }
}
