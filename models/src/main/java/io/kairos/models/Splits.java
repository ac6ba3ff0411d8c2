package io.kairos.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Stratified splits of row indexes: each part keeps the positive share of the whole. */
public final class Splits {

  private Splits() {}

  /** Rows of a two-way split, by index into the table. */
  public record Split(int[] train, int[] validation) {}

  public static int[] all(int n) {
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) rows[i] = i;
    return rows;
  }

  /** Holds out {@code share} of {@code rows}, stratified by label. */
  public static Split stratified(float[] labels, int[] rows, double share, long seed) {
    List<List<Integer>> byClass = byClass(labels, rows, seed);
    List<Integer> val = new ArrayList<>();
    List<Integer> train = new ArrayList<>();
    for (List<Integer> members : byClass) {
      int cut = (int) Math.round(members.size() * share);
      val.addAll(members.subList(0, cut));
      train.addAll(members.subList(cut, members.size()));
    }
    Collections.sort(val);
    Collections.shuffle(train, new Random(seed + 1));
    return new Split(toArray(train), toArray(val));
  }

  /** {@code k} disjoint test folds covering every row, each stratified by label. */
  public static int[][] folds(float[] labels, int k, long seed) {
    if (k < 2) {
      throw new IllegalArgumentException("folds must be at least 2, got " + k);
    }
    List<List<Integer>> folds = new ArrayList<>();
    for (int f = 0; f < k; f++) folds.add(new ArrayList<>());
    int next = 0;
    for (List<Integer> members : byClass(labels, all(labels.length), seed)) {
      for (int row : members) {
        folds.get(next++ % k).add(row);
      }
    }
    int[][] out = new int[k][];
    for (int f = 0; f < k; f++) {
      Collections.sort(folds.get(f));
      out[f] = toArray(folds.get(f));
    }
    return out;
  }

  /** All rows of {@code n} not in {@code excluded} (sorted ascending). */
  public static int[] complement(int n, int[] excluded) {
    boolean[] skip = new boolean[n];
    for (int r : excluded) skip[r] = true;
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < n; i++) if (!skip[i]) rest.add(i);
    return toArray(rest);
  }

  private static List<List<Integer>> byClass(float[] labels, int[] rows, long seed) {
    List<Integer> pos = new ArrayList<>();
    List<Integer> neg = new ArrayList<>();
    for (int r : rows) {
      (labels[r] > 0.5f ? pos : neg).add(r);
    }
    Random random = new Random(seed);
    Collections.shuffle(pos, random);
    Collections.shuffle(neg, random);
    return List.of(pos, neg);
  }

  private static int[] toArray(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).toArray();
  }
}
