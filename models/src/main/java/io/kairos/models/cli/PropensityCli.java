package io.kairos.models.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code kairos propensity train|score|eval|compare|tune}. Results go to standard output, logs and
 * errors to standard error; bad input exits with status 2 and one line naming the problem.
 */
@Command(name = "propensity", mixinStandardHelpOptions = true,
    description = "Train, score with, evaluate, compare and tune purchase-propensity models.",
    subcommands = {TrainCommand.class, ScoreCommand.class, EvalCommand.class, CompareCommand.class, TuneCommand.class,
        BenchCommand.class})
public final class PropensityCli {

  /** Command output uses snake_case keys (auc, pr_auc, logloss, ...), like the sentiment commands. */
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    return new CommandLine(new PropensityCli())
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          if (e instanceof IllegalArgumentException || e instanceof IOException) {
            cmd.getErr().println("error: " + e.getMessage());
            return 2;
          }
          throw e;
        })
        .execute(args);
  }

  /** Name, row count and SHA-256 of a training file: the fingerprint stored with the model. */
  static Map<String, Object> fingerprint(Path file, int rows) throws IOException {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("file", file.getFileName().toString());
    data.put("rows", rows);
    data.put("sha256", sha256(file));
    return data;
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
