package io.kairos.models;

import java.util.List;

/**
 * What preprocessing learned about one column from the training rows only.
 *
 * @param median imputed when the value is missing (after the log transform for LOG_NUMERIC)
 * @param mean centre for standardization
 * @param std scale for standardization (1 when the column is constant)
 * @param categories one-hot vocabulary for CATEGORICAL, in input order; empty otherwise
 * @param min smallest training value (after the log transform), for clipping; equal to max when not clipped
 * @param max largest training value (after the log transform)
 */
public record ColumnEncoding(String name, FeatureKind kind, double median, double mean, double std, List<String> categories,
    double min, double max) {

  public ColumnEncoding {
    categories = List.copyOf(categories);
  }

  /** A value clipped to the training range, so that the network never extrapolates far outside what it saw. */
  public double clip(double v) {
    return min < max ? Math.max(min, Math.min(max, v)) : v;
  }

  /** Number of model inputs this column produces. */
  public int width() {
    return kind == FeatureKind.CATEGORICAL ? categories.size() + 1 : 1;
  }
}
