package io.kairos.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ranking, probability and threshold metrics of binary scores against 0/1 labels. */
public record BinaryMetrics(int n, double positiveRate, double auc, double prAuc, double logloss, double brier,
    double threshold, double accuracy, double precision, double recall, double f1, List<Map<String, Double>> calibration) {

  public static BinaryMetrics of(float[] labels, double[] scores, double threshold) {
    int n = labels.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    int positives = 0;
    for (float y : labels) positives += y > 0.5f ? 1 : 0;
    int negatives = n - positives;
    // ROC AUC via the rank-sum with ties averaged; PR AUC as average precision.
    double[] ranks = new double[n];
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) j++;
      double avg = (n - i + n - j) / 2.0; // descending position -> ascending rank
      for (int k = i; k <= j; k++) ranks[order[k]] = avg;
      i = j + 1;
    }
    double rankSum = 0;
    for (int i = 0; i < n; i++) if (labels[i] > 0.5f) rankSum += ranks[i];
    double auc = positives == 0 || negatives == 0 ? Double.NaN
        : (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    double ap = 0;
    int tpSoFar = 0;
    for (int k = 0; k < n; k++) {
      if (labels[order[k]] > 0.5f) {
        tpSoFar++;
        ap += (double) tpSoFar / (k + 1);
      }
    }
    double prAuc = positives == 0 ? Double.NaN : ap / positives;
    double logloss = 0, brier = 0;
    int tp = 0, fp = 0, fn = 0, tn = 0;
    for (int i = 0; i < n; i++) {
      double p = Math.min(1 - 1e-7, Math.max(1e-7, scores[i]));
      boolean y = labels[i] > 0.5f;
      logloss -= y ? Math.log(p) : Math.log(1 - p);
      brier += (scores[i] - (y ? 1 : 0)) * (scores[i] - (y ? 1 : 0));
      boolean predicted = scores[i] >= threshold;
      if (predicted && y) tp++;
      else if (predicted) fp++;
      else if (y) fn++;
      else tn++;
    }
    double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new BinaryMetrics(n, n == 0 ? 0 : (double) positives / n, auc, prAuc, logloss / Math.max(1, n), brier / Math.max(1, n),
        threshold, n == 0 ? 0 : (double) (tp + tn) / n, precision, recall, f1, calibration(labels, scores, 10));
  }

  /** Ten equal-width probability bins: mean predicted score against observed positive rate. */
  static List<Map<String, Double>> calibration(float[] labels, double[] scores, int bins) {
    double[] sumScore = new double[bins];
    double[] sumLabel = new double[bins];
    int[] count = new int[bins];
    for (int i = 0; i < labels.length; i++) {
      int b = Math.min(bins - 1, (int) (scores[i] * bins));
      sumScore[b] += scores[i];
      sumLabel[b] += labels[i];
      count[b]++;
    }
    List<Map<String, Double>> out = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      if (count[b] == 0) continue;
      Map<String, Double> row = new LinkedHashMap<>();
      row.put("bin_low", (double) b / bins);
      row.put("bin_high", (double) (b + 1) / bins);
      row.put("count", (double) count[b]);
      row.put("mean_score", sumScore[b] / count[b]);
      row.put("observed_rate", sumLabel[b] / count[b]);
      out.add(row);
    }
    return out;
  }
}
