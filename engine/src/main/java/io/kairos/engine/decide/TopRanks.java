package io.kairos.engine.decide;

/**
 * The best {@code k} of {@code n} scores in order, found in one pass (insertion into a short sorted
 * buffer) instead of sorting all of them; the same order {@link ThompsonChoice#rank} gives, cut to
 * its first {@code k}. Reused across draws of one decision; not thread-safe.
 */
final class TopRanks {

  private final long[] keys;
  private final int[] order;

  TopRanks(int n, int k) {
    this.keys = new long[Math.max(1, Math.min(n, k))];
    this.order = new int[keys.length];
  }

  /** Selects the best scores; returns how many ({@code min(k, n)}), readable in {@link #order()}. */
  int select(double[] score) {
    int k = keys.length;
    int filled = 0;
    for (int i = 0; i < score.length; i++) {
      long key = ThompsonChoice.key(score[i], i);
      if (filled == k && key <= keys[k - 1]) {
        continue;
      }
      int j = filled < k ? filled++ : k - 1;
      while (j > 0 && keys[j - 1] < key) {
        keys[j] = keys[j - 1];
        j--;
      }
      keys[j] = key;
    }
    for (int i = 0; i < filled; i++) {
      order[i] = ThompsonChoice.index(keys[i]);
    }
    return filled;
  }

  /** Candidate indexes, best first; valid up to the count {@link #select} returned. */
  int[] order() {
    return order;
  }
}
