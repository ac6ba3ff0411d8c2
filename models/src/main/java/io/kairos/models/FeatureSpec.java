package io.kairos.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The typed, versioned list of columns a model reads. The engine derives the same named values
 * from live profiles, so renaming a column is a breaking change: bump {@link #version}.
 */
public record FeatureSpec(int version, String label, List<FeatureColumn> columns) {

  public static final int CURRENT_VERSION = 1;

  public FeatureSpec {
    columns = List.copyOf(columns);
  }

  /**
   * Infers kinds from the data: columns whose values are all numbers are numeric (log-scaled when
   * non-negative and heavy-tailed: the maximum above 10 and above ten times the median), true/false columns boolean, anything else categorical.
   * Columns in {@code categorical} are forced categorical (integer codes such as a region id).
   */
  public static FeatureSpec infer(CsvTable table, String label, Set<String> exclude, Set<String> categorical) {
    if (table.columnIndex(label) < 0) {
      throw new IllegalArgumentException("label column '" + label + "' not in header " + table.header());
    }
    List<FeatureColumn> columns = new ArrayList<>();
    for (String name : table.header()) {
      if (name.equals(label) || exclude.contains(name)) {
        continue;
      }
      columns.add(new FeatureColumn(name, categorical.contains(name) ? FeatureKind.CATEGORICAL : inferKind(table.column(name))));
    }
    return new FeatureSpec(CURRENT_VERSION, label, columns);
  }

  static FeatureKind inferKind(List<String> values) {
    boolean allBoolean = true;
    boolean nonNegative = true;
    int nonEmpty = 0;
    double max = 0;
    List<Double> numbers = new ArrayList<>();
    for (String raw : values) {
      String v = raw.strip();
      if (v.isEmpty()) {
        continue;
      }
      nonEmpty++;
      String lower = v.toLowerCase(Locale.ROOT);
      allBoolean &= lower.equals("true") || lower.equals("false");
      if (TableCheck.isFinite(v)) {
        double d = Double.parseDouble(v);
        nonNegative &= d >= 0;
        max = Math.max(max, d);
        numbers.add(d);
      }
    }
    if (allBoolean && nonEmpty > 0) {
      return FeatureKind.BOOLEAN;
    }
    // A column of numbers with a few stray values (typos, NaN) is a numeric column with bad cells,
    // which TableCheck reports by line; declare it --categorical if the values really are labels.
    if (numbers.isEmpty() || numbers.size() < 0.9 * nonEmpty) {
      return FeatureKind.CATEGORICAL;
    }
    numbers.sort(Double::compare);
    double median = numbers.get(numbers.size() / 2);
    return nonNegative && max > 10 && max > 10 * median ? FeatureKind.LOG_NUMERIC : FeatureKind.NUMERIC;
  }
}
