package io.kairos.engine.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Scores of the shadow challenger beside the champion's for the same profile and moment: the evidence for a promotion. */
public interface ShadowScoreLog {

  record ShadowScore(long at, String profileId, String champion, double championScore, String challenger, double challengerScore) {}

  /** Appends a batch; completes once written. */
  CompletableFuture<Void> record(List<ShadowScore> scores);

  /** The newest {@code limit} pairs, newest first; blocking. */
  List<ShadowScore> recent(int limit);
}
