package io.kairos.models;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * Versioned propensity models on disk: one directory per version (as written by {@link PropensityTrainer})
 * under a root, and {@code registry.json} saying which version is the champion, which champions came
 * before it (for rollback) and which version, if any, scores a share of traffic in shadow as the
 * challenger. Changes are written atomically (temporary file, then rename); callers serialize them.
 */
public final class ModelRegistry {

  public static final String STATE_FILE = "registry.json";

  /** Who serves: the champion, its predecessors (newest last), and the shadow challenger with its share in [0, 1]. */
  public record State(String champion, List<String> previousChampions, String challenger, double challengerShare) {
    public State {
      previousChampions = previousChampions == null ? List.of() : List.copyOf(previousChampions);
    }

    static final State EMPTY = new State(null, List.of(), null, 0);
  }

  private final Path root;

  public ModelRegistry(Path root) throws IOException {
    this.root = root;
    Files.createDirectories(root);
  }

  public Path root() {
    return root;
  }

  public Path dir(String version) {
    if (version == null || !version.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException("model version must be 1-64 letters, digits, '.', '_' or '-', got " + version);
    }
    Path dir = root.resolve(version);
    if (!Files.isRegularFile(dir.resolve(ModelDescriptor.FILE))) {
      throw new NoSuchElementException("no model version " + version + " in the registry");
    }
    return dir;
  }

  /** Every registered model's descriptor, oldest first. */
  public List<ModelDescriptor> list() {
    List<ModelDescriptor> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path d : dirs.filter(p -> Files.isRegularFile(p.resolve(ModelDescriptor.FILE))).toList()) {
        out.add(DjlPropensityModel.readDescriptor(d));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(Comparator.comparing(ModelDescriptor::createdAt));
    return out;
  }

  /** Copies a trained model directory into the registry under its version; returns the version. */
  public String register(Path trainedDir) throws IOException {
    ModelDescriptor d = DjlPropensityModel.readDescriptor(trainedDir);
    Path target = root.resolve(d.version());
    if (Files.exists(target.resolve(ModelDescriptor.FILE))) {
      return d.version();
    }
    Path staging = Files.createTempDirectory(root, ".staging-");
    try (Stream<Path> files = Files.list(trainedDir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, staging.resolve(f.getFileName()));
      }
    }
    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    return d.version();
  }

  public State state() {
    Path file = root.resolve(STATE_FILE);
    if (!Files.isRegularFile(file)) {
      return State.EMPTY;
    }
    try {
      return DjlPropensityModel.JSON.readValue(file.toFile(), State.class);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable " + file + ": " + e.getMessage(), e);
    }
  }

  /** Makes {@code version} the champion; the old one can be rolled back to. A promoted challenger stops shadowing. */
  public State promote(String version) throws IOException {
    dir(version);
    State s = state();
    if (version.equals(s.champion())) {
      return s;
    }
    List<String> history = new ArrayList<>(s.previousChampions());
    if (s.champion() != null) {
      history.add(s.champion());
    }
    boolean wasChallenger = version.equals(s.challenger());
    return write(new State(version, history, wasChallenger ? null : s.challenger(), wasChallenger ? 0 : s.challengerShare()));
  }

  /** Restores the previous champion. */
  public State rollback() throws IOException {
    State s = state();
    if (s.previousChampions().isEmpty()) {
      throw new IllegalStateException("nothing to roll back to: " + (s.champion() == null ? "no champion" : s.champion() + " is the first champion"));
    }
    List<String> history = new ArrayList<>(s.previousChampions());
    String previous = history.remove(history.size() - 1);
    return write(new State(previous, history, s.challenger(), s.challengerShare()));
  }

  /** {@code version} scores {@code share} of traffic in shadow beside the champion; share 0 or a null version clears it. */
  public State assignChallenger(String version, double share) throws IOException {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("challenger share must be in [0, 1], got " + share);
    }
    State s = state();
    if (version == null || share == 0) {
      return write(new State(s.champion(), s.previousChampions(), null, 0));
    }
    dir(version);
    if (version.equals(s.champion())) {
      throw new IllegalArgumentException(version + " is the champion; a challenger must be another version");
    }
    return write(new State(s.champion(), s.previousChampions(), version, share));
  }

  private State write(State state) throws IOException {
    Path tmp = root.resolve(STATE_FILE + ".tmp");
    DjlPropensityModel.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), state);
    Files.move(tmp, root.resolve(STATE_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return state;
  }
}
