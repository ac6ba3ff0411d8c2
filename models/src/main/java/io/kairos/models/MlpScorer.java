package io.kairos.models;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The networks of a trained model, loaded with DJL, plus their calibration: the members' logits
 * are averaged, then Platt-scaled. DJL predictors are not thread-safe, so callers borrow one set
 * (a predictor per member) from a pool that grows to the number of concurrent callers.
 */
final class MlpScorer implements Scorer {

  private final List<Model> members;
  private final PlattCalibration calibration;
  private final ConcurrentLinkedQueue<List<Predictor<EncodedRows, float[]>>> pool = new ConcurrentLinkedQueue<>();
  private final List<Predictor<EncodedRows, float[]>> all = new ArrayList<>();
  private volatile boolean closed;

  private MlpScorer(List<Model> members, PlattCalibration calibration) {
    this.members = members;
    this.calibration = calibration;
  }

  /** The weight-file prefix of ensemble member {@code m} (the first keeps the single-network name). */
  static String prefix(int member) {
    return member == 0 ? ModelDescriptor.WEIGHTS_PREFIX : ModelDescriptor.WEIGHTS_PREFIX + "-m" + member;
  }

  static MlpScorer load(Path dir, List<Integer> hidden, int ensemble, PlattCalibration calibration) throws IOException {
    List<Model> members = new ArrayList<>();
    try {
      for (int m = 0; m < ensemble; m++) {
        Model model = Model.newInstance(prefix(m), "PyTorch");
        members.add(model);
        model.setBlock(MlpNetwork.build(hidden));
        model.load(dir, prefix(m));
      }
    } catch (MalformedModelException | IOException | RuntimeException e) {
      members.forEach(Model::close);
      throw new IOException("cannot load weights from " + dir + ": " + e.getMessage(), e);
    }
    return new MlpScorer(members, calibration == null ? PlattCalibration.IDENTITY : calibration);
  }

  PlattCalibration calibration() {
    return calibration;
  }

  double score(float[] x) {
    return scores(new EncodedRows(x, new float[0], 1, x.length))[0];
  }

  @Override
  public double[] scores(EncodedRows rows) {
    double[] logits = logits(rows);
    for (int i = 0; i < logits.length; i++) {
      logits[i] = calibration.apply(logits[i]);
    }
    return logits;
  }

  /** Mean of the members' raw outputs, before calibration. */
  double[] logits(EncodedRows rows) {
    double[] out = new double[rows.rows()];
    if (rows.rows() == 0) {
      return out;
    }
    List<Predictor<EncodedRows, float[]>> predictors = borrow();
    try {
      for (Predictor<EncodedRows, float[]> predictor : predictors) {
        float[] member = predictor.predict(rows);
        for (int i = 0; i < out.length; i++) {
          out[i] += member[i] / (double) predictors.size();
        }
      }
      return out;
    } catch (TranslateException e) {
      throw new IllegalStateException("propensity inference failed: " + e.getMessage(), e);
    } finally {
      pool.offer(predictors);
    }
  }

  private List<Predictor<EncodedRows, float[]>> borrow() {
    if (closed) {
      throw new IllegalStateException("model is closed");
    }
    List<Predictor<EncodedRows, float[]>> predictors = pool.poll();
    if (predictors == null) {
      predictors = new ArrayList<>();
      for (Model m : members) {
        predictors.add(m.newPredictor(new PropensityTranslator()));
      }
      synchronized (all) {
        all.addAll(predictors);
      }
    }
    return predictors;
  }

  @Override
  public void close() {
    closed = true;
    synchronized (all) {
      all.forEach(Predictor::close);
      all.clear();
    }
    members.forEach(Model::close);
  }
}
