package io.kairos.models;

/** How a raw column becomes model inputs. */
public enum FeatureKind {
  /** A number, standardized. */
  NUMERIC,
  /** A non-negative heavy-tailed count or duration: log1p, then standardized. */
  LOG_NUMERIC,
  /** A boolean (true/false, TRUE/FALSE, 1/0): one input, 0 or 1. */
  BOOLEAN,
  /** A category: one-hot over the values seen in training, plus one input for unseen values. */
  CATEGORICAL
}
