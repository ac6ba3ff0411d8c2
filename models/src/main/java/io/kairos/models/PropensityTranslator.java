package io.kairos.models;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

/**
 * Encoded rows in as one {@code rows × width} tensor, the network's raw logits out: one native
 * call per batch rather than one tensor per row. {@link MlpScorer} averages and calibrates them.
 */
final class PropensityTranslator implements Translator<EncodedRows, float[]> {

  @Override
  public NDList processInput(TranslatorContext ctx, EncodedRows rows) {
    return new NDList(ctx.getNDManager().create(rows.x(), new Shape(rows.rows(), rows.width())));
  }

  @Override
  public float[] processOutput(TranslatorContext ctx, NDList list) {
    return list.singletonOrThrow().toFloatArray();
  }

  @Override
  public Batchifier getBatchifier() {
    return null;
  }
}
