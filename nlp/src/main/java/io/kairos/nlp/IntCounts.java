package io.kairos.nlp;

/**
 * Counts of non-negative int keys, for one text at a time: an open-addressing table that is
 * emptied by walking the keys it holds, so a short text does not pay for a long one's table. Not
 * thread-safe; one per thread.
 */
final class IntCounts {

  private int[] keys = new int[1024];
  private int[] counts = new int[1024];
  private int[] used = new int[512];
  private int size;

  void clear() {
    for (int i = 0; i < size; i++) {
      keys[used[i]] = 0;
      counts[used[i]] = 0;
    }
    size = 0;
  }

  void add(int key) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int k = key + 1; // 0 marks a free slot
    int i = slot(k);
    if (keys[i] == 0) {
      keys[i] = k;
      used[size++] = i;
    }
    counts[i]++;
  }

  int size() {
    return size;
  }

  /** The {@code n}th distinct key, in the order first added. */
  int key(int n) {
    return keys[used[n]] - 1;
  }

  int count(int n) {
    return counts[used[n]];
  }

  private void grow() {
    int[] oldKeys = new int[size];
    int[] oldCounts = new int[size];
    for (int n = 0; n < size; n++) {
      oldKeys[n] = keys[used[n]];
      oldCounts[n] = counts[used[n]];
    }
    keys = new int[keys.length * 2];
    counts = new int[keys.length];
    used = new int[keys.length / 2];
    for (int n = 0; n < oldKeys.length; n++) {
      int i = slot(oldKeys[n]);
      keys[i] = oldKeys[n];
      counts[i] = oldCounts[n];
      used[n] = i;
    }
  }

  /** The slot holding stored key {@code k} (key + 1), or the free slot where it goes: linear probing from its hash. */
  private int slot(int k) {
    int mask = keys.length - 1;
    int i = (k * 0x9E3779B9) >>> 7 & mask;
    while (keys[i] != 0 && keys[i] != k) {
      i = (i + 1) & mask;
    }
    return i;
  }
}
