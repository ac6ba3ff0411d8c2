package io.kairos.engine.enrich;

import io.kairos.models.DjlPropensityModel;
import io.kairos.models.ModelDescriptor;
import io.kairos.models.ModelRegistry;
import io.kairos.models.PropensityModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The propensity models being served: the registry's champion and its shadow challenger, swapped
 * atomically as one {@link Live} value. Loaded versions stay open until shutdown (a model is tens
 * of kilobytes), so a request that picked up the old set never meets a closed model. Registry
 * changes are serialized here; loading is blocking, so call the changing methods from a worker.
 */
public final class PropensityModels implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PropensityModels.class);

  /** What one scoring call uses; {@code challengerShare} of profiles are also scored by the challenger. */
  public record Live(PropensityModel champion, PropensityModel challenger, double challengerShare) {
    static final Live NONE = new Live(null, null, 0);
  }

  private final ModelRegistry registry;
  private final Map<String, PropensityModel> loaded = new ConcurrentHashMap<>();
  private volatile Live live = Live.NONE;
  private volatile Consumer<String> onLoad = version -> {};

  private PropensityModels(ModelRegistry registry) {
    this.registry = registry;
  }

  /** A fixed set without a registry (tests, tools). */
  public static PropensityModels of(PropensityModel champion) {
    PropensityModels models = new PropensityModels(null);
    models.live = new Live(champion, null, 0);
    return models;
  }

  /**
   * Opens the registry in {@code registryDir}; when it has no champion yet and {@code seedDir} holds a
   * model, that model is registered and promoted. Failures degrade to "no model", logged.
   */
  public static PropensityModels open(Path registryDir, Path seedDir) {
    try {
      PropensityModels models = new PropensityModels(new ModelRegistry(registryDir));
      if (models.registry.state().champion() == null && seedDir != null && Files.isRegularFile(seedDir.resolve(ModelDescriptor.FILE))) {
        models.registry.promote(models.registry.register(seedDir));
      }
      models.apply(models.registry.state());
      return models;
    } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
      LOG.warn("no propensity model ({}); decisions use the default ranking", e.getMessage());
      return of(null);
    }
  }

  /** Called with each version when it is first loaded (and now for those already loaded): where gauges are registered. */
  public void onLoad(Consumer<String> listener) {
    onLoad = listener;
    loaded.keySet().forEach(listener);
  }

  /** 2 for the champion, 1 for the challenger, 0 for a loaded version not serving (for a gauge). */
  public int role(String version) {
    Live l = live;
    return l.champion() != null && l.champion().descriptor().version().equals(version) ? 2
        : l.challenger() != null && l.challenger().descriptor().version().equals(version) ? 1 : 0;
  }

  public Live live() {
    return live;
  }

  public ModelRegistry.State state() {
    return registry == null ? new ModelRegistry.State(version(live.champion()), List.of(), null, 0) : registry.state();
  }

  public List<ModelDescriptor> list() {
    return registry == null ? List.of() : registry.list();
  }

  public synchronized String register(Path trainedDir) throws IOException {
    return requireRegistry().register(trainedDir);
  }

  public synchronized ModelRegistry.State promote(String version) throws IOException {
    load(version);
    return apply(requireRegistry().promote(version));
  }

  public synchronized ModelRegistry.State rollback() throws IOException {
    return apply(requireRegistry().rollback());
  }

  public synchronized ModelRegistry.State assignChallenger(String version, double share) throws IOException {
    if (version != null) {
      load(version);
    }
    return apply(requireRegistry().assignChallenger(version, share));
  }

  private ModelRegistry requireRegistry() {
    if (registry == null) {
      throw new IllegalStateException("this engine serves a fixed model without a registry");
    }
    return registry;
  }

  /** Loads what {@code state} names, then publishes it in one write. */
  private ModelRegistry.State apply(ModelRegistry.State state) throws IOException {
    PropensityModel champion = state.champion() == null ? null : load(state.champion());
    PropensityModel challenger = state.challenger() == null ? null : load(state.challenger());
    live = new Live(champion, challenger, challenger == null ? 0 : state.challengerShare());
    LOG.info("propensity champion {}, challenger {} on {}% of profiles", state.champion(), state.challenger(),
        Math.round(live.challengerShare() * 100));
    return state;
  }

  private PropensityModel load(String version) throws IOException {
    PropensityModel model = loaded.get(version);
    if (model == null) {
      model = DjlPropensityModel.load(registry.dir(version));
      loaded.put(version, model);
      onLoad.accept(version);
    }
    return model;
  }

  private static String version(PropensityModel m) {
    return m == null ? null : m.descriptor().version();
  }

  @Override
  public void close() {
    loaded.values().forEach(PropensityModel::close);
    loaded.clear();
    PropensityModel fixed = registry == null ? live.champion() : null;
    if (fixed != null) {
      fixed.close();
    }
  }
}
