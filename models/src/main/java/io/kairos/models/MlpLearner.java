package io.kairos.models;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the propensity network with DJL: Adam with weight decay, a positive-class weight against
 * imbalance, early stopping on validation log-loss with the best weights kept, then Platt scaling
 * on the validation rows so that scores are probabilities. Without hidden layers this is the
 * logistic-regression baseline (L2 through weight decay).
 */
public final class MlpLearner implements Learner {

  private static final Logger LOG = LoggerFactory.getLogger(MlpLearner.class);

  private final Hyperparameters hp;

  public MlpLearner(Hyperparameters hp) {
    this.hp = hp;
  }

  @Override
  public String name() {
    return hp.hidden().isEmpty() ? "logistic_regression" : "mlp";
  }

  /**
   * The fitted scorer; member {@code m}'s weights are in {@code workDir} under {@link MlpScorer#prefix(int)}.
   * Each member starts from its own seed and shuffling; their logits are averaged, then calibrated.
   */
  @Override
  public MlpScorer fit(EncodedRows train, EncodedRows validation, Path workDir) throws IOException {
    Files.createDirectories(workDir);
    for (int m = 0; m < hp.ensemble(); m++) {
      fitMember(train, validation, workDir, m);
    }
    MlpScorer raw = MlpScorer.load(workDir, hp.hidden(), hp.ensemble(), PlattCalibration.IDENTITY);
    PlattCalibration calibration = PlattCalibration.fit(raw.logits(validation), validation.y());
    raw.close();
    return MlpScorer.load(workDir, hp.hidden(), hp.ensemble(), calibration);
  }

  private void fitMember(EncodedRows train, EncodedRows validation, Path workDir, int member) throws IOException {
    Engine.getEngine("PyTorch").setRandomSeed((int) hp.seed() + member);
    int width = train.width();
    double bestLoss = Double.MAX_VALUE;
    int bestEpoch = -1;
    String prefix = MlpScorer.prefix(member);
    try (NDManager manager = NDManager.newBaseManager(); Model model = Model.newInstance(prefix, "PyTorch")) {
      model.setBlock(MlpNetwork.build(hp.hidden()));
      model.setProperty("Epoch", "0");
      DefaultTrainingConfig config = new DefaultTrainingConfig(new WeightedLogitLoss(hp.positiveWeight()))
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(hp.learningRate()))
              .optWeightDecays(hp.weightDecay()).build());
      NDArray x = manager.create(train.x(), new Shape(train.rows(), width));
      NDArray y = manager.create(train.y(), new Shape(train.rows(), 1));
      NDArray valX = manager.create(validation.x(), new Shape(validation.rows(), width));
      ArrayDataset dataset = new ArrayDataset.Builder().setData(x).optLabels(y).setSampling(hp.batchSize(), true).build();
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(1, width));
        for (int epoch = 0; epoch < hp.maxEpochs(); epoch++) {
          for (Batch batch : trainer.iterateDataset(dataset)) {
            EasyTrain.trainBatch(trainer, batch);
            trainer.step();
            batch.close();
          }
          double[] logits = toDoubles(trainer.evaluate(new NDList(valX)).singletonOrThrow());
          // Early stopping watches the weighted training objective on validation rows.
          double loss = weightedLogLoss(validation.y(), logits, hp.positiveWeight());
          LOG.debug("epoch {} validation loss {}", epoch, loss);
          if (loss < bestLoss - 1e-5) {
            bestLoss = loss;
            bestEpoch = epoch;
            model.save(workDir, prefix);
          } else if (epoch - bestEpoch >= hp.patience()) {
            break;
          }
        }
      } catch (TranslateException e) {
        throw new IOException("training failed: " + e.getMessage(), e);
      }
    }
    LOG.info("{} member {}: best epoch {} of at most {}", name(), member, bestEpoch, hp.maxEpochs());
  }

  private static double[] toDoubles(NDArray array) {
    float[] raw = array.toFloatArray();
    double[] out = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      out[i] = raw[i];
    }
    return out;
  }

  static double weightedLogLoss(float[] labels, double[] logits, double positiveWeight) {
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      double z = logits[i];
      sum += labels[i] > 0.5f ? positiveWeight * softplus(-z) : softplus(z);
    }
    return labels.length == 0 ? 0 : sum / labels.length;
  }

  private static double softplus(double z) {
    return z > 30 ? z : Math.log1p(Math.exp(z));
  }
}
