package io.kairos.nlp.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project's committed models live: {@code $KAIROS_HOME/config/models}, else found above the working directory. */
final class ShippedModels {

  private ShippedModels() {}

  static Path sentimentRoot() {
    String home = System.getenv("KAIROS_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home, "config", "models", "sentiment");
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("config/models/sentiment");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no config/models/sentiment above " + Path.of("").toAbsolutePath() + "; set KAIROS_HOME");
  }
}
