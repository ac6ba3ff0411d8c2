package io.kairos.nlp;

import java.util.Arrays;

/** A small open-addressing set of non-zero {@code long}s, reused per thread and cleared per text. */
final class LongSet {

  private final long[] keys;
  private final int mask;

  LongSet(int expected) {
    int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    mask = capacity - 1;
  }

  int capacity() {
    return keys.length;
  }

  void clear() {
    Arrays.fill(keys, 0);
  }

  /** Adds a non-zero key; false if it was already there. */
  boolean add(long key) {
    int i = slot(key, mask);
    long k;
    while ((k = keys[i]) != 0) {
      if (k == key) {
        return false;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    return true;
  }

  static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
