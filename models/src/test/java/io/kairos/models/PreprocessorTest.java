package io.kairos.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PreprocessorTest {

  final CsvTable table = new CsvTable(List.of("visits", "seconds", "month", "weekend", "y"), List.of(
      new String[] {"1", "0", "Nov", "TRUE", "1"},
      new String[] {"2", "10", "Nov", "FALSE", "0"},
      new String[] {"3", "1000", "May", "FALSE", "0"},
      new String[] {"4", "20", "Dec", "TRUE", "1"}));

  @Test
  void infersKindsAndFitsOnTrainingRowsOnly() {
    FeatureSpec spec = FeatureSpec.infer(table, "y", Set.of(), Set.of());
    assertThat(spec.columns()).extracting(FeatureColumn::kind)
        .containsExactly(FeatureKind.NUMERIC, FeatureKind.LOG_NUMERIC, FeatureKind.CATEGORICAL, FeatureKind.BOOLEAN);
    Preprocessor pre = Preprocessor.fit(spec, table, new int[] {0, 1});
    ColumnEncoding visits = pre.encodings().get(0);
    assertThat(visits.mean()).isEqualTo(1.5); // rows 2 and 3 are not seen
    assertThat(pre.encodings().get(2).categories()).containsExactly("Nov");
    assertThat(pre.width()).isEqualTo(1 + 1 + 2 + 1);
  }

  @Test
  void unseenCategoriesAndMissingValuesAreHandled() {
    FeatureSpec spec = FeatureSpec.infer(table, "y", Set.of(), Set.of());
    Preprocessor pre = Preprocessor.fit(spec, table, new int[] {0, 1, 2, 3});
    float[] x = pre.transform(Map.<String, Object>of("month", "Jan", "weekend", true)::get);
    int monthStart = 2;
    int unseenSlot = monthStart + pre.encodings().get(2).categories().size();
    assertThat(x[unseenSlot]).isEqualTo(1f);
    assertThat(x[x.length - 1]).isEqualTo(1f);
    // missing numeric -> training median, standardized
    ColumnEncoding visits = pre.encodings().get(0);
    assertThat(x[0]).isEqualTo((float) ((visits.median() - visits.mean()) / visits.std()));
  }

  @Test
  void valuesOutsideTheTrainingRangeAreClippedToIt() {
    FeatureSpec spec = FeatureSpec.infer(table, "y", Set.of(), Set.of());
    Preprocessor pre = Preprocessor.fit(spec, table, new int[] {0, 1, 2, 3});
    float[] atMax = pre.transform(Map.<String, Object>of("visits", 4)::get);
    float[] farAbove = pre.transform(Map.<String, Object>of("visits", 4_000)::get);
    float[] farBelow = pre.transform(Map.<String, Object>of("visits", -50)::get);
    float[] atMin = pre.transform(Map.<String, Object>of("visits", 1)::get);
    assertThat(farAbove[0]).isEqualTo(atMax[0]);
    assertThat(farBelow[0]).isEqualTo(atMin[0]);
  }

  /** Explanations re-encode one column of an encoded row in place; that must equal encoding the changed row from scratch. */
  @Test
  void reEncodingOneColumnEqualsTransformingTheChangedRow() {
    FeatureSpec spec = FeatureSpec.infer(table, "y", Set.of(), Set.of());
    Preprocessor pre = Preprocessor.fit(spec, table, new int[] {0, 1, 2, 3});
    Map<String, Object> row = Map.of("visits", 3, "seconds", 500, "month", "Dec", "weekend", true);
    float[] encoded = pre.transform(row::get);
    int at = 0;
    for (ColumnEncoding held : pre.encodings()) {
      Object baseline = pre.baseline(held);
      float[] patched = encoded.clone();
      Preprocessor.encodeInto(held, baseline, patched, at);
      float[] fromScratch = pre.transform(name -> name.equals(held.name()) ? baseline : row.get(name));
      assertThat(patched).as(held.name()).containsExactly(fromScratch);
      at += held.width();
    }
  }
}
