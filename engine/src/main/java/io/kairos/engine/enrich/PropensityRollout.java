package io.kairos.engine.enrich;

import io.kairos.engine.error.ConflictException;
import io.kairos.engine.error.InvalidInputException;
import io.kairos.engine.error.NotFoundException;
import io.kairos.engine.profile.ProfileStore;
import io.kairos.models.ModelDescriptor;
import io.kairos.models.ModelRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registry changes made live: register, promote, roll back, assign or clear the challenger. After
 * the champion changes, every profile held by this member is rescored in the background, in
 * batches, so decisions stop using the old model's scores; a newer change supersedes a running
 * rescore. Calls block (model loading, file writes): run them on a worker.
 */
public final class PropensityRollout implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PropensityRollout.class);
  private static final int RESCORE_BATCH = 512;

  private final PropensityScorer scorer;
  private final ProfileStore profiles;
  private final Clock clock;
  private final ExecutorService rescorer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "kairos-rescore");
    t.setDaemon(true);
    return t;
  });
  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong rescored = new AtomicLong();

  public PropensityRollout(PropensityScorer scorer, ProfileStore profiles, Clock clock) {
    this.scorer = scorer;
    this.profiles = profiles;
    this.clock = clock;
  }

  public ModelRegistry.State state() {
    return scorer.models().state();
  }

  public List<ModelDescriptor> list() {
    return scorer.models().list();
  }

  public String register(Path trainedDir) {
    return guarded(() -> scorer.models().register(trainedDir));
  }

  public ModelRegistry.State promote(String version) {
    return rescoreAfter(guarded(() -> scorer.models().promote(version)));
  }

  public ModelRegistry.State rollback() {
    return rescoreAfter(guarded(() -> scorer.models().rollback()));
  }

  public ModelRegistry.State assignChallenger(String version, double share) {
    return guarded(() -> scorer.models().assignChallenger(version, share));
  }

  /** Profiles rescored by background jobs since start. */
  public long rescored() {
    return rescored.get();
  }

  private ModelRegistry.State rescoreAfter(ModelRegistry.State state) {
    long mine = generation.incrementAndGet();
    rescorer.execute(() -> {
      long start = System.nanoTime();
      long[] count = {0};
      profiles.forEachLocalBatch(RESCORE_BATCH, batch -> {
        if (generation.get() != mine) {
          return;
        }
        profiles.setPropensities(scorer.score(batch, clock.millis()));
        count[0] += batch.size();
        rescored.addAndGet(batch.size());
      });
      LOG.info("rescored {} profiles with {} in {} ms", count[0], state.champion(), (System.nanoTime() - start) / 1_000_000);
    });
    return state;
  }

  /** A registry call whose errors become the engine's error kinds. */
  private static <T> T guarded(RegistryCall<T> call) {
    try {
      return call.run();
    } catch (NoSuchElementException e) {
      throw new NotFoundException("model_not_found", e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("invalid_model_request", e.getMessage(), null);
    } catch (IllegalStateException e) {
      throw new ConflictException("model_conflict", e.getMessage());
    } catch (IOException e) {
      throw new InvalidInputException("model_unreadable", e.getMessage(), null);
    }
  }

  @FunctionalInterface
  private interface RegistryCall<T> {
    T run() throws IOException;
  }

  @Override
  public void close() {
    generation.incrementAndGet();
    rescorer.shutdownNow();
  }
}
