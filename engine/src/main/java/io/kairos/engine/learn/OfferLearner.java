package io.kairos.engine.learn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kairos.engine.store.OfferModelLog;
import io.kairos.engine.store.OfferModelLog.StoredModel;
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
    return learner;
  }

  /** The offer's posterior; the prior when it has no feedback yet. */
  public OfferModel model(String offerId) {
    return models.getOrDefault(offerId, prior);
  }

  public Map<String, OfferModel> models() {
    return Map.copyOf(models);
  }

  /** Learns one outcome; the future completes when the new state is durable. */
  public CompletableFuture<Void> observe(String offerId, double[] x, double offset, boolean accepted, long at) {
    if (x.length != prior.dimensions()) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(
          "context has " + x.length + " values; the models expect " + prior.dimensions()));
    }
    CompletableFuture<Void>[] saved = new CompletableFuture[1];
    models.compute(offerId, (id, current) -> {
      OfferModel next = (current == null ? prior : current).observe(x, offset, accepted);
      saved[0] = log.save(id, new StoredModel(featureKey, encode(next), at));
      return next;
    });
    return saved[0];
  }

  private static String encode(OfferModel m) {
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
