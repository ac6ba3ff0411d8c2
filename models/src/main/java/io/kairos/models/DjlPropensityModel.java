package io.kairos.models;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Serves a model directory written by {@link PropensityTrainer}: the saved preprocessing, the
 * DJL network and its calibration. Thread-safe (predictors are pooled in {@link MlpScorer}).
 */
public final class DjlPropensityModel implements PropensityModel {

  static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final MlpScorer scorer;
  private final ModelDescriptor descriptor;

  private DjlPropensityModel(MlpScorer scorer, ModelDescriptor descriptor) {
    this.scorer = scorer;
    this.descriptor = descriptor;
  }

  public static DjlPropensityModel load(Path dir) throws IOException {
    ModelDescriptor descriptor = readDescriptor(dir);
    return new DjlPropensityModel(MlpScorer.load(dir, descriptor.hyperparameters().hidden(), descriptor.hyperparameters().ensemble(), descriptor.calibration()), descriptor);
  }

  public static ModelDescriptor readDescriptor(Path dir) throws IOException {
    Path file = dir.resolve(ModelDescriptor.FILE);
    if (!Files.isRegularFile(file)) {
      throw new IOException("no " + ModelDescriptor.FILE + " in " + dir);
    }
    try {
      return JSON.readValue(file.toFile(), ModelDescriptor.class);
    } catch (IOException | RuntimeException e) {
      throw new IOException("unreadable " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public double score(Function<String, Object> values) {
    return scorer.score(descriptor.preprocessor().transform(values));
  }

  @Override
  public double[] scoreAll(List<Function<String, Object>> rows) {
    Preprocessor pre = descriptor.preprocessor();
    int width = pre.width();
    float[] x = new float[rows.size() * width];
    for (int i = 0; i < rows.size(); i++) {
      pre.transformInto(rows.get(i), x, i * width);
    }
    return scorer.scores(new EncodedRows(x, new float[0], rows.size(), width));
  }

  @Override
  public List<Explanation> explainAll(List<Function<String, Object>> rows, int topN) {
    Preprocessor pre = descriptor.preprocessor();
    List<ColumnEncoding> columns = pre.encodings();
    int width = pre.width();
    int perRow = columns.size() + 1;
    float[] x = new float[rows.size() * perRow * width];
    for (int i = 0; i < rows.size(); i++) {
      int base = i * perRow;
      pre.transformInto(rows.get(i), x, base * width);
      // Each held-out copy is the encoded row with one column re-encoded at its baseline: one
      // transform per person instead of one per column.
      int at = 0;
      for (int c = 0; c < columns.size(); c++) {
        ColumnEncoding held = columns.get(c);
        int copy = (base + 1 + c) * width;
        System.arraycopy(x, base * width, x, copy, width);
        Preprocessor.encodeInto(held, pre.baseline(held), x, copy + at);
        at += held.width();
      }
    }
    double[] logits = scorer.logits(new EncodedRows(x, new float[0], rows.size() * perRow, width));
    List<Explanation> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      int base = i * perRow;
      List<Explanation.Contribution> contributions = new ArrayList<>(columns.size());
      for (int c = 0; c < columns.size(); c++) {
        contributions.add(new Explanation.Contribution(columns.get(c).name(), logits[base] - logits[base + 1 + c]));
      }
      contributions.sort(Comparator.comparingDouble((Explanation.Contribution k) -> Math.abs(k.logit())).reversed());
      out.add(new Explanation(scorer.calibration().apply(logits[base]), contributions.subList(0, Math.min(topN, contributions.size()))));
    }
    return out;
  }

  @Override
  public ModelDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public void close() {
    scorer.close();
  }
}
