package io.kairos.models;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The gradient-boosted-trees baseline (XGBoost, via xgboost4j): log-loss objective, shallow trees,
 * row and column subsampling, up to {@code maxRounds} rounds with early stopping on validation
 * log-loss. XGBoost's log-loss objective yields probabilities directly.
 */
public final class XgboostLearner implements Learner {

  private final double eta;
  private final int maxDepth;
  private final int maxRounds;
  private final long seed;

  public XgboostLearner(double eta, int maxDepth, int maxRounds, long seed) {
    this.eta = eta;
    this.maxDepth = maxDepth;
    this.maxRounds = maxRounds;
    this.seed = seed;
  }

  public static XgboostLearner defaults(long seed) {
    return new XgboostLearner(0.05, 4, 1000, seed);
  }

  @Override
  public String name() {
    return "xgboost";
  }

  @Override
  public Scorer fit(EncodedRows train, EncodedRows validation, Path workDir) {
    try {
      DMatrix dtrain = new DMatrix(train.x(), train.rows(), train.width(), Float.NaN);
      dtrain.setLabel(train.y());
      DMatrix dval = new DMatrix(validation.x(), validation.rows(), validation.width(), Float.NaN);
      dval.setLabel(validation.y());
      Map<String, Object> params = new HashMap<>();
      params.put("objective", "binary:logistic");
      params.put("eval_metric", "logloss");
      params.put("eta", eta);
      params.put("max_depth", maxDepth);
      params.put("subsample", 0.8);
      params.put("colsample_bytree", 0.8);
      params.put("min_child_weight", 1);
      params.put("nthread", Math.max(1, Runtime.getRuntime().availableProcessors()));
      params.put("seed", seed);
      params.put("verbosity", 0);
      Map<String, DMatrix> watches = new HashMap<>();
      watches.put("validation", dval);
      Booster booster = XGBoost.train(dtrain, params, maxRounds, watches, new float[1][maxRounds], null, null, 50);
      String best = booster.getAttr("best_iteration");
      int rounds = best == null ? maxRounds : Integer.parseInt(best) + 1;
      dtrain.dispose();
      dval.dispose();
      return new TreeScorer(booster, rounds);
    } catch (XGBoostError e) {
      throw new IllegalStateException("xgboost training failed: " + e.getMessage(), e);
    }
  }

  private record TreeScorer(Booster booster, int rounds) implements Scorer {

    @Override
    public double[] scores(EncodedRows rows) {
      try {
        float[][] p = booster.inplace_predict(rows.x(), rows.rows(), rows.width(), Float.NaN, new int[] {0, rounds});
        double[] out = new double[rows.rows()];
        for (int i = 0; i < out.length; i++) {
          out[i] = p[i][0];
        }
        return out;
      } catch (XGBoostError e) {
        throw new IllegalStateException("xgboost prediction failed: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      booster.dispose();
    }
  }
}
