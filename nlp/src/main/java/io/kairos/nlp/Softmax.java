package io.kairos.nlp;

/** The last step of an OpenNLP maximum-entropy model's evaluation, shared by the scorers that re-implement it. */
final class Softmax {

  private Softmax() {}

  /** Turns per-class sums of parameters into probabilities, in place, as OpenNLP's {@code GISModel} does. */
  static double[] inPlace(double[] sums) {
    double normal = 0;
    for (int o = 0; o < sums.length; o++) {
      sums[o] = StrictMath.exp(sums[o]);
      normal += sums[o];
    }
    for (int o = 0; o < sums.length; o++) {
      sums[o] /= normal;
    }
    return sums;
  }
}
