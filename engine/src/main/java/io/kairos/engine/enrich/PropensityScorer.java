package io.kairos.engine.enrich;

import io.kairos.engine.metrics.KairosMetrics;
import io.kairos.engine.profile.Profile;
import io.kairos.engine.profile.PropensityState;
import io.kairos.engine.store.ShadowScoreLog;
import io.kairos.engine.store.ShadowScoreLog.ShadowScore;
import io.kairos.models.Explanation;
import io.kairos.models.PropensityModel;
import io.micrometer.core.instrument.Counter;
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
 * Scores profiles with the champion propensity model, in one batched inference per call, each
 * score with the three features that moved it most; the
 * challenger's share of profiles (chosen by a hash of the profile id, so a person stays in or out)
 * is scored again by the challenger and both scores are logged side by side. Blocking: call it from
 * a worker thread. Without a model it scores nothing.
 */
public final class PropensityScorer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PropensityScorer.class);
  private static final int BUCKETS = 10_000;
  /** Features named per score. */
  private static final int DRIVERS = 3;

  private final PropensityModels models;
  private final ShadowScoreLog shadowLog;
  private final SpecialDays specialDays;
  private final KairosMetrics metrics;
  private final Counter failures;
  private final Counter shadowScored;

  public PropensityScorer(PropensityModels models, ShadowScoreLog shadowLog, SpecialDays specialDays, KairosMetrics metrics) {
    this.models = models;
    this.specialDays = specialDays;
    this.shadowLog = shadowLog;
    this.metrics = metrics;
    this.failures = metrics.counter("kairos.enrich.failures", "step", "propensity");
    this.shadowScored = metrics.counter("kairos.propensity.shadow.scored");
  }

  public PropensityModels models() {
    return models;
  }

  /** Scores each profile with its drivers; an inference failure is counted and yields no scores. */
  public Map<String, PropensityState> score(Collection<Profile> profiles, long now) {
    PropensityModels.Live live = models.live();
    if (live.champion() == null || profiles.isEmpty()) {
      return Map.of();
    }
    long start = System.nanoTime();
    try {
      List<Profile> list = new ArrayList<>(profiles);
      List<Function<String, Object>> rows = new ArrayList<>(list.size());
      for (Profile p : list) {
        rows.add(ProfileFeatures.of(p, specialDays));
      }
      List<Explanation> explained = live.champion().explainAll(rows, DRIVERS);
      double[] scores = explained.stream().mapToDouble(Explanation::score).toArray();
      Map<String, PropensityState> out = new HashMap<>();
      for (int i = 0; i < list.size(); i++) {
        out.put(list.get(i).profileId(), new PropensityState(scores[i], live.champion().version(), now, list.get(i).eventCount(),
            drivers(explained.get(i))));
      }
      if (live.challenger() != null) {
        shadow(live, list, rows, scores, now);
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

  private void shadow(PropensityModels.Live live, List<Profile> list, List<Function<String, Object>> rows, double[] championScores,
      long now) {
    List<Integer> picked = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (inChallengerShare(list.get(i).profileId(), live.challengerShare())) {
        picked.add(i);
      }
    }
    if (picked.isEmpty()) {
      return;
    }
    double[] challenger = live.challenger().scoreAll(picked.stream().map(rows::get).toList());
    List<ShadowScore> pairs = new ArrayList<>(picked.size());
    for (int k = 0; k < picked.size(); k++) {
      int i = picked.get(k);
      pairs.add(new ShadowScore(now, list.get(i).profileId(), live.champion().version(), championScores[i],
          live.challenger().version(), challenger[k]));
    }
    shadowScored.increment(pairs.size());
    shadowLog.record(pairs).exceptionally(e -> {
      LOG.warn("shadow scores not logged: {}", e.toString());
      return null;
    });
  }

  static String drivers(Explanation e) {
    StringBuilder out = new StringBuilder();
    for (Explanation.Contribution c : e.top()) {
      if (out.length() > 0) {
        out.append(", ");
      }
      long hundredths = Math.round(c.logit() * 100);
      out.append(c.feature()).append(hundredths < 0 ? " -" : " +").append(Math.abs(hundredths) / 100).append('.');
      long cents = Math.abs(hundredths) % 100;
      out.append(cents < 10 ? "0" : "").append(cents);
    }
    return out.toString();
  }

  /** Whether this profile falls in the challenger's share: a stable hash bucket, so a person stays in or out. */
  static boolean inChallengerShare(String profileId, double share) {
    int h = profileId.hashCode() * 0x9E3779B9;
    h ^= h >>> 16;
    return Integer.remainderUnsigned(h, BUCKETS) < share * BUCKETS;
  }

  public boolean isLoaded() {
    return models.live().champion() != null;
  }

  public String modelVersion() {
    PropensityModel champion = models.live().champion();
    return champion == null ? null : champion.version();
  }

  /** The share of purchasers in the champion's training data: the propensity of someone we know nothing about. */
  public double baseRate(double fallback) {
    PropensityModel champion = models.live().champion();
    return champion == null ? fallback : champion.descriptor().baseRate();
  }

  @Override
  public void close() {
    models.close();
  }
}
