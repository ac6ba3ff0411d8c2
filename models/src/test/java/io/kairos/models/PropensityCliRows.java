package io.kairos.models;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Rows of a table as name lookups, for scoring in tests. */
final class PropensityCliRows {

  private PropensityCliRows() {}

  static List<Function<String, Object>> of(CsvTable table) {
    List<Function<String, Object>> rows = new ArrayList<>();
    for (int r = 0; r < table.size(); r++) {
      int row = r;
      rows.add(name -> table.get(row, name));
    }
    return rows;
  }
}
