package io.kairos.models;

import java.util.List;
import java.util.function.Function;

/** A trained purchase-propensity model. Implementations are thread-safe. */
public interface PropensityModel extends AutoCloseable {

  /** P(purchase) for one row of named raw values (see {@link Preprocessor#transform}). */
  double score(Function<String, Object> values);

  /** P(purchase) for many rows at once, in order; cheaper per row than {@link #score}. */
  double[] scoreAll(List<Function<String, Object>> rows);

  /** Like {@link #scoreAll}, with the {@code topN} most influential features of each row (more inference: one row per feature). */
  List<Explanation> explainAll(List<Function<String, Object>> rows, int topN);

  ModelDescriptor descriptor();

  default String version() {
    return descriptor().name() + "@" + descriptor().version();
  }

  @Override
  void close();
}
