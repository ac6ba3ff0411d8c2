package io.kairos.models;

import ai.djl.ndarray.NDList;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

/** An encoded feature vector in, a probability out (sigmoid of the network's logit). */
final class PropensityTranslator implements Translator<float[], Double> {

  @Override
  public NDList processInput(TranslatorContext ctx, float[] input) {
    return new NDList(ctx.getNDManager().create(input));
  }

  @Override
  public Double processOutput(TranslatorContext ctx, NDList list) {
    double logit = list.singletonOrThrow().toFloatArray()[0];
    return 1.0 / (1.0 + Math.exp(-logit));
  }

  @Override
  public Batchifier getBatchifier() {
    return Batchifier.STACK;
  }
}
