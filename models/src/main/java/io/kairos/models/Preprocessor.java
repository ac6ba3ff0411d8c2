package io.kairos.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns named raw values into the model's input vector. Fitted on training rows only, then
 * frozen and saved with the model so that serving applies exactly the training transform.
 */
public record Preprocessor(FeatureSpec spec, List<ColumnEncoding> encodings) {

  public Preprocessor {
    encodings = List.copyOf(encodings);
  }

  public static Preprocessor fit(FeatureSpec spec, CsvTable table, int[] trainRows) {
    List<ColumnEncoding> encodings = new ArrayList<>();
    for (FeatureColumn column : spec.columns()) {
      List<String> all = table.column(column.name());
      switch (column.kind()) {
        case CATEGORICAL -> {
          Map<String, Integer> counts = new HashMap<>();
          for (int r : trainRows) {
            counts.merge(all.get(r).strip(), 1, Integer::sum);
          }
          List<String> categories = counts.entrySet().stream()
              .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
              .map(Map.Entry::getKey).toList();
          encodings.add(new ColumnEncoding(column.name(), column.kind(), 0, 0, 1, categories, 0, 0));
        }
        case BOOLEAN -> encodings.add(new ColumnEncoding(column.name(), column.kind(), 0, 0, 1, List.of(), 0, 0));
        default -> {
          double[] values = new double[trainRows.length];
          int n = 0;
          for (int r : trainRows) {
            Double v = numeric(all.get(r), column.kind());
            if (v != null) {
              values[n++] = v;
            }
          }
          values = Arrays.copyOf(values, n);
          Arrays.sort(values);
          double mean = Arrays.stream(values).average().orElse(0);
          double var = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, n - 1);
          double std = Math.sqrt(var);
          double median = n == 0 ? 0 : values[n / 2];
          encodings.add(new ColumnEncoding(column.name(), column.kind(), median, mean, std < 1e-9 ? 1 : std, List.of(),
              n == 0 ? 0 : values[0], n == 0 ? 0 : values[n - 1]));
        }
      }
    }
    return new Preprocessor(spec, encodings);
  }

  public int width() {
    return encodings.stream().mapToInt(ColumnEncoding::width).sum();
  }

  /**
   * Encodes one row. {@code values} maps a column name to a Number, Boolean, String or null;
   * null or unparsable values take the training median (numeric), false (boolean) or the
   * "unseen" slot (categorical); numbers outside the training range are clipped to it.
   */
  public float[] transform(Function<String, Object> values) {
    float[] x = new float[width()];
    transformInto(values, x, 0);
    return x;
  }

  /** {@link #transform} into {@code x} from {@code offset} (which must be zeroed), for building batches without copies. */
  public void transformInto(Function<String, Object> values, float[] x, int offset) {
    int i = offset;
    for (ColumnEncoding e : encodings) {
      encodeInto(e, values.apply(e.name()), x, i);
      i += e.width();
    }
  }

  /**
   * Writes one column's encoding of {@code raw} into {@code x} from {@code at} (its {@link ColumnEncoding#width()}
   * slots are cleared first), the way {@link #transform} encodes that column.
   */
  public static void encodeInto(ColumnEncoding e, Object raw, float[] x, int at) {
    java.util.Arrays.fill(x, at, at + e.width(), 0f);
    switch (e.kind()) {
      case CATEGORICAL -> {
        String v = raw == null ? "" : String.valueOf(raw).strip();
        int idx = e.categories().indexOf(v);
        x[at + (idx < 0 ? e.categories().size() : idx)] = 1f;
      }
      case BOOLEAN -> x[at] = truthy(raw) ? 1f : 0f;
      default -> {
        Double v = raw == null ? null : raw instanceof Number n ? finite(n.doubleValue(), e.kind()) : numeric(String.valueOf(raw), e.kind());
        double d = v == null ? e.median() : e.clip(v);
        x[at] = (float) ((d - e.mean()) / e.std());
      }
    }
  }

  /** The raw value a column takes as its baseline for explanations: missing (median), the most frequent category, false. */
  public Object baseline(ColumnEncoding e) {
    return switch (e.kind()) {
      case CATEGORICAL -> e.categories().isEmpty() ? null : e.categories().get(0);
      case BOOLEAN -> Boolean.FALSE;
      default -> null;
    };
  }

  public float[] transformRow(CsvTable table, int row) {
    return transform(name -> table.get(row, name));
  }

  private static boolean truthy(Object raw) {
    if (raw instanceof Boolean b) {
      return b;
    }
    if (raw == null) {
      return false;
    }
    String v = String.valueOf(raw).strip().toLowerCase(Locale.ROOT);
    return v.equals("true") || v.equals("1") || v.equals("yes");
  }

  private static Double numeric(String raw, FeatureKind kind) {
    try {
      return finite(Double.parseDouble(raw.strip()), kind);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double finite(double d, FeatureKind kind) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return null;
    }
    return kind == FeatureKind.LOG_NUMERIC ? Math.log1p(Math.max(0, d)) : d;
  }
}
