package io.kairos.nlp;

/**
 * A fixed-capacity open-addressing map from non-zero {@code long} keys to non-negative ints, read
 * without allocation. Filled once at load, then read by many threads.
 */
final class LongIntMap {

  /** Key at even index, value at the odd index after it: one cache line holds both. */
  private final long[] slots;
  private final int mask;

  LongIntMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    slots = new long[capacity * 2];
    mask = capacity - 1;
  }

  void put(long key, int value) {
    if (key == 0 || value < 0) {
      throw new IllegalArgumentException("key 0 and negative values are reserved");
    }
    int i = LongSet.slot(key, mask);
    while (slots[2 * i] != 0 && slots[2 * i] != key) {
      i = (i + 1) & mask;
    }
    slots[2 * i] = key;
    slots[2 * i + 1] = value;
  }

  /** The value for {@code key}, or -1. */
  int get(long key) {
    int i = LongSet.slot(key, mask);
    long k;
    while ((k = slots[2 * i]) != 0) {
      if (k == key) {
        return (int) slots[2 * i + 1];
      }
      i = (i + 1) & mask;
    }
    return -1;
  }
}
