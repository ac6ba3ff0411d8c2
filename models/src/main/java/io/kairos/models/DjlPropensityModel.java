package io.kairos.models;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
  public ModelDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public void close() {
    scorer.close();
  }
}
