package io.kairos.nlp;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared/data; tests that need it fail loudly when it is missing. */
final class SharedData {

  private SharedData() {}

  static Path file(String relative) {
    String root = System.getProperty("kairos.shared.data", "../../shared/data");
    Path p = Path.of(root).resolve(relative);
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException("dataset missing: " + p.toAbsolutePath()
          + " (tests read ../shared/data next to the repository; see README)");
    }
    return p;
  }

  static Path shippedModels() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("config/models"))) {
        return dir.resolve("config/models");
      }
    }
    throw new IllegalStateException("config/models not found above " + Path.of("").toAbsolutePath());
  }
}
