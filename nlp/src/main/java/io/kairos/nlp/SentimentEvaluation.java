package io.kairos.nlp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Accuracy, macro-F1 and per-class precision/recall/F1 of predictions against gold labels.
 *
 * @param perClass label to {@code {precision, recall, f1, support}}
 */
public record SentimentEvaluation(int n, double accuracy, double macroF1, Map<String, Map<String, Double>> perClass) {

  /** Runs the analyzer over labelled examples and scores its labels. */
  public static SentimentEvaluation evaluate(SentimentAnalyzer analyzer, List<LabeledText> examples) {
    List<String> gold = new java.util.ArrayList<>(examples.size());
    List<String> predicted = new java.util.ArrayList<>(examples.size());
    for (LabeledText example : examples) {
      gold.add(example.label());
      predicted.add(analyzer.analyze(example.text()).label());
    }
    return of(gold, predicted);
  }

  public static SentimentEvaluation of(List<String> gold, List<String> predicted) {
    if (gold.size() != predicted.size()) {
      throw new IllegalArgumentException("gold and predicted differ in size");
    }
    TreeSet<String> labels = new TreeSet<>(gold);
    int correct = 0;
    for (int i = 0; i < gold.size(); i++) {
      if (gold.get(i).equals(predicted.get(i))) {
        correct++;
      }
    }
    Map<String, Map<String, Double>> perClass = new LinkedHashMap<>();
    double f1Sum = 0;
    for (String label : labels) {
      int tp = 0, fp = 0, fn = 0;
      for (int i = 0; i < gold.size(); i++) {
        boolean g = gold.get(i).equals(label);
        boolean p = predicted.get(i).equals(label);
        if (g && p) tp++;
        else if (p) fp++;
        else if (g) fn++;
      }
      double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
      double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      f1Sum += f1;
      perClass.put(label, Map.of("precision", precision, "recall", recall, "f1", f1, "support", (double) (tp + fn)));
    }
    int n = gold.size();
    return new SentimentEvaluation(n, n == 0 ? 0 : (double) correct / n, labels.isEmpty() ? 0 : f1Sum / labels.size(), perClass);
  }
}
