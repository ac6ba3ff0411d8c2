package io.kairos.engine.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A temporary directory for a throwaway engine's data, deleted with everything in it when closed.
 * Benchmark and evaluation commands write gigabytes there (one {@code bench-decide-rate} run logs
 * about 6 GB of decisions with 200 offers); before this they were left in the temporary folder and
 * filled the disk after a dozen runs. A directory the user named is never created or deleted here.
 */
public final class ScratchDirectory implements AutoCloseable {

  private final Path path;
  private final boolean owned;

  private ScratchDirectory(Path path, boolean owned) {
    this.path = path;
    this.owned = owned;
  }

  /** A new directory under the system's temporary folder, deleted on close. */
  public static ScratchDirectory create(String prefix) {
    try {
      return new ScratchDirectory(Files.createTempDirectory(prefix), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory: " + e.getMessage(), e);
    }
  }

  /** {@code given} when not null (kept on close), else a new temporary directory (deleted on close). */
  public static ScratchDirectory orCreate(Path given, String prefix) {
    return given != null ? new ScratchDirectory(given, false) : create(prefix);
  }

  public Path path() {
    return path;
  }

  /** Deletes the directory and its contents if this created it; a file that cannot be deleted is reported, not thrown. */
  @Override
  public void close() {
    if (!owned || !Files.exists(path)) {
      return;
    }
    try {
      Files.walkFileTree(path, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
          Files.delete(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      System.err.println("could not delete " + path + ": " + e.getMessage());
    }
  }
}
