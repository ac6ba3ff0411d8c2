package io.kairos.engine.learn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kairos.engine.store.OfferModelLog;
import io.kairos.engine.store.OfferModelLog.StoredModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds every offer's {@link OfferModel} and applies outcomes to them. Updates of one offer are
 * serialized (a map compute), each new state is written to the {@link OfferModelLog} in update
 * order, and {@link #open} restores the stored states, so learning survives a restart. A stored
 * model learned over a different feature list is dropped (its weights would mean other things).
 */
public final class OfferLearner {

  private static final Logger LOG = LoggerFactory.getLogger(OfferLearner.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConcurrentHashMap<String, OfferModel> models = new ConcurrentHashMap<>();
  private final OfferModelLog log;
  private final String featureKey;
  private final OfferModel prior;

  private OfferLearner(OfferModelLog log, List<String> features, double priorVariance) {
    this.log = log;
    this.featureKey = String.join("\n", features);
    this.prior = OfferModel.prior(features.size() + 1, priorVariance);
  }

  /** @param features the context features' sources, in order (the intercept comes first, implicitly) */
  public static OfferLearner open(OfferModelLog log, List<String> features, double priorVariance) {
    OfferLearner learner = new OfferLearner(log, features, priorVariance);
    int dropped = 0;
    for (Map.Entry<String, StoredModel> e : log.all().entrySet()) {
      if (!e.getValue().features().equals(learner.featureKey)) {
        dropped++;
        continue;
      }
      try {
        learner.models.put(e.getKey(), JSON.readValue(e.getValue().body(), OfferModel.class));
      } catch (JsonProcessingException ex) {
        LOG.warn("stored model of offer {} is unreadable and starts over: {}", e.getKey(), ex.getMessage());
      }
    }
    if (dropped > 0) {
      LOG.warn("{} offer models were learned over another feature list and start over", dropped);
    }
    LOG.info("offer learning: {} models restored", learner.models.size());
    learner.unlearnPending(System.currentTimeMillis()); // erasures that stopped before unlearning (a crash)
    return learner;
  }

  /** The offer's posterior; the prior when it has no feedback yet. */
  public OfferModel model(String offerId) {
    return models.getOrDefault(offerId, prior);
  }

  public Map<String, OfferModel> models() {
    return Map.copyOf(models);
  }

  /**
   * An outcome learned: what the model learned from it ({@code learned}, JSON to keep with the feedback so that an erasure
   * can take it out again) and the future of the new state's write.
   */
  public record Observed(String learned, CompletableFuture<Void> saved) {}

  /** What {@code learned} holds: the outcome's {@link OfferModel.Site} and a hash of the feature list it was learned over. */
  record StoredSite(String features, OfferModel.Site site) {}

  /** Learns one outcome; its future completes when the new state is durable. */
  public Observed observe(String offerId, double[] x, double offset, boolean accepted, long at) {
    if (x.length != prior.dimensions()) {
      throw new IllegalArgumentException("context has " + x.length + " values; the models expect " + prior.dimensions());
    }
    Observed[] out = new Observed[1];
    models.compute(offerId, (id, current) -> {
      OfferModel.Learned learned = (current == null ? prior : current).learn(x, offset, accepted);
      out[0] = new Observed(encode(new StoredSite(featureHash(), learned.site())),
          log.save(id, new StoredModel(featureKey, encode(learned.next()), at)));
      return learned.next();
    });
    return out[0];
  }

  /**
   * Takes the outcomes of erased people out of their offers' models ({@link OfferModel#forget}), in the order they were queued,
   * each new state written with the removal of its queue entry in one transaction: so a crash part-way neither repeats nor
   * skips one. Outcomes learned over another feature list (whose model started over) are dropped. Blocking; one caller at a
   * time. Returns how many outcomes were unlearned.
   */
  public synchronized int unlearnPending(long at) {
    int unlearned = 0;
    List<CompletableFuture<Void>> writes = new ArrayList<>();
    for (OfferModelLog.Unlearning u : log.pendingUnlearning()) {
      StoredSite site = decodeSite(u.learned());
      if (site == null || site.site() == null || !site.features().equals(featureHash()) || !models.containsKey(u.offerId())) {
        writes.add(log.unlearned(u.offerId(), null, u.seq()));
        continue;
      }
      models.compute(u.offerId(), (id, current) -> {
        OfferModel next = current.forget(site.site());
        writes.add(log.unlearned(id, new StoredModel(featureKey, encode(next), at), u.seq()));
        return next;
      });
      unlearned++;
    }
    CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
    if (unlearned > 0) {
      LOG.info("offer learning: {} outcomes of erased people unlearned", unlearned);
    }
    return unlearned;
  }

  private String featureHash() {
    return Integer.toHexString(featureKey.hashCode());
  }

  private static StoredSite decodeSite(String json) {
    try {
      return JSON.readValue(json, StoredSite.class);
    } catch (JsonProcessingException e) {
      LOG.warn("a queued outcome to unlearn is unreadable and is dropped: {}", e.getMessage());
      return null;
    }
  }

  private static String encode(Object m) {
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
