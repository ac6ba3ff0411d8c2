package io.kairos.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchDirectoryTest {

  @Test
  void aCreatedDirectoryIsDeletedWithEverythingInIt() throws Exception {
    Path path;
    try (ScratchDirectory scratch = ScratchDirectory.create("kairos-scratch-test")) {
      path = scratch.path();
      Files.createDirectories(path.resolve("data/wal"));
      Files.writeString(path.resolve("data/wal/events.db"), "x".repeat(10_000));
      Files.writeString(path.resolve("offers.yaml"), "offers: []");
      assertThat(path).isDirectory();
    }
    assertThat(path).doesNotExist();
  }

  @Test
  void aDirectoryTheUserNamedIsKept(@TempDir Path given) throws Exception {
    Files.writeString(given.resolve("keep.txt"), "mine");
    try (ScratchDirectory scratch = ScratchDirectory.orCreate(given, "kairos-scratch-test")) {
      assertThat(scratch.path()).isEqualTo(given);
    }
    assertThat(given.resolve("keep.txt")).hasContent("mine");
  }

  @Test
  void withoutANameANewDirectoryIsMadeAndDeleted() {
    Path path;
    try (ScratchDirectory scratch = ScratchDirectory.orCreate(null, "kairos-scratch-test")) {
      path = scratch.path();
      assertThat(path).isDirectory();
    }
    assertThat(path).doesNotExist();
  }
}
