package io.kairos.engine.enrich;

import io.kairos.engine.metrics.KairosMetrics;
import io.kairos.engine.profile.Profile;
import io.kairos.engine.profile.PropensityState;
import io.kairos.models.DjlPropensityModel;
import io.kairos.models.PropensityModel;
import io.micrometer.core.instrument.Counter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores profiles with the purchase-propensity model, in one batched inference per call.
 * Blocking: call it from a worker thread. Without a model it scores nothing.
 */
public final class PropensityScorer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PropensityScorer.class);

  private final PropensityModel model;
  private final KairosMetrics metrics;
  private final Counter failures;

  public PropensityScorer(PropensityModel model, KairosMetrics metrics) {
    this.model = model;
    this.metrics = metrics;
    this.failures = metrics.counter("kairos.enrich.failures", "step", "propensity");
  }

  public static PropensityScorer load(Path modelDir, KairosMetrics metrics) {
    if (modelDir == null) {
      return new PropensityScorer(null, metrics);
    }
    try {
      PropensityModel model = DjlPropensityModel.load(modelDir);
      LOG.info("propensity model {} loaded (validation AUC {})", model.version(),
          String.format("%.3f", model.descriptor().validation().auc()));
      return new PropensityScorer(model, metrics);
    } catch (Exception | UnsatisfiedLinkError e) {
      LOG.warn("no propensity model ({}); decisions use the default ranking", e.getMessage());
      return new PropensityScorer(null, metrics);
    }
  }

  /** Scores each profile; an inference failure is counted and yields no scores. */
  public Map<String, PropensityState> score(Collection<Profile> profiles, long now) {
    if (model == null || profiles.isEmpty()) {
      return Map.of();
    }
    long start = System.nanoTime();
    try {
      List<Profile> list = new ArrayList<>(profiles);
      List<Function<String, Object>> rows = new ArrayList<>(list.size());
      for (Profile p : list) {
        rows.add(ProfileFeatures.of(p));
      }
      double[] scores = model.scoreAll(rows);
      Map<String, PropensityState> out = new HashMap<>();
      for (int i = 0; i < list.size(); i++) {
        out.put(list.get(i).profileId(), new PropensityState(scores[i], model.version(), now, list.get(i).eventCount()));
      }
      return out;
    } catch (RuntimeException e) {
      failures.increment();
      LOG.warn("propensity scoring failed: {}", e.toString());
      return Map.of();
    } finally {
      metrics.stage(KairosMetrics.Stage.PROPENSITY).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }

  public boolean isLoaded() {
    return model != null;
  }

  public String modelVersion() {
    return model == null ? null : model.version();
  }

  /** The share of purchasers in the model's training data: the propensity of someone we know nothing about. */
  public double baseRate(double fallback) {
    return model == null ? fallback : model.descriptor().baseRate();
  }

  @Override
  public void close() {
    if (model != null) {
      model.close();
    }
  }
}
