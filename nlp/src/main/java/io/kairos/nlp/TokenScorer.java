package io.kairos.nlp;

/**
 * Class probabilities for a normalized, tokenized text: the part of a sentiment model that runs per
 * text. Implementations are thread-safe.
 */
interface TokenScorer {

  /** One probability per outcome, in the order of {@link #outcome}. */
  double[] probabilities(String[] tokens);

  /** Label of each index of {@link #probabilities}. */
  String outcome(int index);

  int outcomes();
}
