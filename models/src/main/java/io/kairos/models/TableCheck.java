package io.kairos.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a table before training or scoring and fails with the line and column of the first
 * problem: no rows, missing columns, a label of one class only, or a value in a numeric column
 * that is not a finite number (NaN and Infinity included). Empty cells are allowed and mean
 * "missing" (the training median is used). Unseen categories are not errors; they are reported.
 */
public final class TableCheck {

  private TableCheck() {}

  public static void forTraining(CsvTable table, FeatureSpec spec) {
    nonEmpty(table);
    float[] labels = table.labels(spec.label());
    double positives = 0;
    for (float y : labels) positives += y;
    if (positives == 0 || positives == labels.length) {
      throw new IllegalArgumentException("label column " + spec.label() + " has only one class ("
          + (positives == 0 ? "no positives" : "no negatives") + "); a propensity model needs both");
    }
    numericColumns(table, spec);
  }

  /** Checks scoring input; returns warnings (such as unseen categories), never blocking. */
  public static List<String> forScoring(CsvTable table, Preprocessor pre) {
    nonEmpty(table);
    List<String> missing = new ArrayList<>();
    for (ColumnEncoding e : pre.encodings()) {
      if (table.columnIndex(e.name()) < 0) {
        missing.add(e.name());
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("input lacks column(s) " + missing + " that the model reads; header is " + table.header());
    }
    numericColumns(table, pre.spec());
    List<String> warnings = new ArrayList<>();
    for (ColumnEncoding e : pre.encodings()) {
      if (e.kind() != FeatureKind.CATEGORICAL) {
        continue;
      }
      Set<String> unseen = new TreeSet<>();
      for (String v : table.column(e.name())) {
        if (!v.isBlank() && !e.categories().contains(v.strip())) {
          unseen.add(v.strip());
        }
      }
      if (!unseen.isEmpty()) {
        warnings.add("column " + e.name() + " has values not seen in training " + unseen + "; they share the 'unseen' input");
      }
    }
    return warnings;
  }

  private static void nonEmpty(CsvTable table) {
    if (table.size() == 0) {
      throw new IllegalArgumentException("input has a header but no rows");
    }
  }

  private static void numericColumns(CsvTable table, FeatureSpec spec) {
    for (FeatureColumn c : spec.columns()) {
      if (c.kind() != FeatureKind.NUMERIC && c.kind() != FeatureKind.LOG_NUMERIC || table.columnIndex(c.name()) < 0) {
        continue;
      }
      List<String> values = table.column(c.name());
      for (int r = 0; r < values.size(); r++) {
        String v = values.get(r).strip();
        if (!v.isEmpty() && !isFinite(v)) {
          throw new IllegalArgumentException("line " + CsvTable.line(r) + ", column " + c.name() + ": '" + values.get(r)
              + "' is not a finite number (leave the cell empty for a missing value)");
        }
      }
    }
  }

  static boolean isFinite(String v) {
    String lower = v.toLowerCase(Locale.ROOT);
    if (lower.contains("nan") || lower.contains("inf")) {
      return false;
    }
    try {
      return Double.isFinite(Double.parseDouble(v));
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
