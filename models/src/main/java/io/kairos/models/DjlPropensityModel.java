package io.kairos.models;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * Serves a model directory written by {@link PropensityTrainer}. DJL predictors are not
 * thread-safe, so callers borrow one from a pool (created on demand, one per concurrent caller).
 */
public final class DjlPropensityModel implements PropensityModel {

  static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Model model;
  private final ModelDescriptor descriptor;
  private final ConcurrentLinkedQueue<Predictor<float[], Double>> pool = new ConcurrentLinkedQueue<>();
  private final List<Predictor<float[], Double>> all = new ArrayList<>();
  private volatile boolean closed;

  private DjlPropensityModel(Model model, ModelDescriptor descriptor) {
    this.model = model;
    this.descriptor = descriptor;
  }

  public static DjlPropensityModel load(Path dir) throws IOException {
    Path file = dir.resolve(ModelDescriptor.FILE);
    if (!Files.isRegularFile(file)) {
      throw new IOException("no " + ModelDescriptor.FILE + " in " + dir);
    }
    ModelDescriptor descriptor = JSON.readValue(file.toFile(), ModelDescriptor.class);
    Model model = Model.newInstance(ModelDescriptor.WEIGHTS_PREFIX, "PyTorch");
    model.setBlock(MlpNetwork.build(descriptor.hyperparameters().hidden()));
    try {
      model.load(dir, ModelDescriptor.WEIGHTS_PREFIX);
    } catch (MalformedModelException | RuntimeException e) {
      model.close();
      throw new IOException("cannot load weights from " + dir + ": " + e.getMessage(), e);
    }
    return new DjlPropensityModel(model, descriptor);
  }

  @Override
  public double score(Function<String, Object> values) {
    float[] x = descriptor.preprocessor().transform(values);
    Predictor<float[], Double> predictor = borrow();
    try {
      return predictor.predict(x);
    } catch (TranslateException e) {
      throw new IllegalStateException("propensity inference failed: " + e.getMessage(), e);
    } finally {
      pool.offer(predictor);
    }
  }

  @Override
  public double[] scoreAll(List<Function<String, Object>> rows) {
    List<float[]> xs = new ArrayList<>(rows.size());
    for (Function<String, Object> row : rows) {
      xs.add(descriptor.preprocessor().transform(row));
    }
    return scoreEncoded(xs);
  }

  /** Scores already-encoded rows (used by evaluation). */
  public double[] scoreEncoded(List<float[]> xs) {
    double[] out = new double[xs.size()];
    if (xs.isEmpty()) {
      return out;
    }
    Predictor<float[], Double> predictor = borrow();
    try {
      int chunk = 512;
      for (int start = 0; start < xs.size(); start += chunk) {
        List<Double> scores = predictor.batchPredict(xs.subList(start, Math.min(xs.size(), start + chunk)));
        for (int i = 0; i < scores.size(); i++) {
          out[start + i] = scores.get(i);
        }
      }
      return out;
    } catch (TranslateException e) {
      throw new IllegalStateException("propensity inference failed: " + e.getMessage(), e);
    } finally {
      pool.offer(predictor);
    }
  }

  private Predictor<float[], Double> borrow() {
    if (closed) {
      throw new IllegalStateException("model " + version() + " is closed");
    }
    Predictor<float[], Double> predictor = pool.poll();
    if (predictor == null) {
      predictor = model.newPredictor(new PropensityTranslator());
      synchronized (all) {
        all.add(predictor);
      }
    }
    return predictor;
  }

  @Override
  public ModelDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public void close() {
    closed = true;
    synchronized (all) {
      all.forEach(Predictor::close);
      all.clear();
    }
    model.close();
  }
}
