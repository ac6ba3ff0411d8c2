package io.kairos.engine.grid;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts work that is durable in the store but may not be in the grid yet: ingest between its
 * append and its profile update, erasure between its deletes in the store and in the grid. A
 * snapshot of the grid matches the store only when nothing is under way and nothing ever failed
 * half-way (an event stored but not applied is applied by the next start's replay, which a
 * snapshot taken over it would skip).
 */
public final class PendingGridWrites {

  private final AtomicLong running = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  public void begin() {
    running.incrementAndGet();
  }

  public void end() {
    running.decrementAndGet();
  }

  /** Records work that failed after (or while) reaching the store: the grid may lack some of it until the next replay. */
  public void failedHalfWay() {
    failed.incrementAndGet();
  }

  /** True while some ingest or erasure is between the store and the grid. */
  public boolean underWay() {
    return running.get() > 0;
  }

  /** True when the grid holds exactly what the store holds, as far as this engine's work goes. */
  public boolean settled() {
    return running.get() == 0 && failed.get() == 0;
  }

  @Override
  public String toString() {
    return running.get() + " under way, " + failed.get() + " failed half-way";
  }
}
