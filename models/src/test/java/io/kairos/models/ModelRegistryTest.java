package io.kairos.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

  @TempDir Path root;
  @TempDir Path work;

  /** A copy of the shipped model under another version (same weights; the registry only reads the descriptor). */
  Path modelVersion(String version, String createdAt) throws IOException {
    Path dir = work.resolve(version);
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(SharedData.shippedModels().resolve("propensity"))) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    ObjectMapper json = new ObjectMapper();
    ObjectNode d = (ObjectNode) json.readTree(dir.resolve(ModelDescriptor.FILE).toFile());
    d.put("version", version).put("createdAt", createdAt);
    json.writeValue(dir.resolve(ModelDescriptor.FILE).toFile(), d);
    return dir;
  }

  @Test
  void promoteRollbackAndChallengerAreRecordedAndSurviveReopening() throws IOException {
    ModelRegistry registry = new ModelRegistry(root);
    assertThat(registry.state().champion()).isNull();
    String a = registry.register(modelVersion("a1", "2026-01-01T00:00:00Z"));
    String b = registry.register(modelVersion("b2", "2026-02-01T00:00:00Z"));
    assertThat(registry.list()).extracting(ModelDescriptor::version).containsExactly("a1", "b2");

    registry.promote(a);
    registry.assignChallenger(b, 0.1);
    assertThat(new ModelRegistry(root).state()).isEqualTo(new ModelRegistry.State("a1", java.util.List.of(), "b2", 0.1));

    ModelRegistry.State promoted = registry.promote(b);
    assertThat(promoted.champion()).isEqualTo("b2");
    assertThat(promoted.challenger()).as("a promoted challenger stops shadowing").isNull();
    assertThat(promoted.previousChampions()).containsExactly("a1");
    assertThat(registry.rollback().champion()).isEqualTo("a1");
    assertThatThrownBy(registry::rollback).isInstanceOf(IllegalStateException.class).hasMessageContaining("a1 is the first champion");
  }

  @Test
  void rejectsUnknownVersionsBadSharesAndPathTricks() throws IOException {
    ModelRegistry registry = new ModelRegistry(root);
    String a = registry.register(modelVersion("a1", "2026-01-01T00:00:00Z"));
    registry.promote(a);
    assertThatThrownBy(() -> registry.promote("zz")).isInstanceOf(NoSuchElementException.class).hasMessageContaining("zz");
    assertThatThrownBy(() -> registry.promote("../etc")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> registry.assignChallenger(a, 0.5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("champion");
    assertThatThrownBy(() -> registry.assignChallenger(a, 1.5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> registry.assignChallenger(a, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> registry.register(work)).isInstanceOf(IOException.class).hasMessageContaining("no model.json");
    assertThat(registry.register(modelVersion("a1-again", "2026-03-01T00:00:00Z"))).isEqualTo("a1-again");
  }
}
