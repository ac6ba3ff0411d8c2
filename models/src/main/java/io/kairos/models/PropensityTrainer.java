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
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the propensity MLP with DJL: stratified train/validation split, preprocessing fitted on
 * the training split only, Adam with weight decay, plain binary cross-entropy (so that scores
 * stay probabilities), early stopping on validation log-loss, best weights kept.
 */
public final class PropensityTrainer {

  private static final Logger LOG = LoggerFactory.getLogger(PropensityTrainer.class);

  /** Rows of each split, by index into the table. */
  public record Split(int[] train, int[] validation) {}

  public ModelDescriptor train(CsvTable table, FeatureSpec spec, Hyperparameters hp, Map<String, Object> trainingData,
      Path outDir) throws IOException {
    float[] labels = table.labels(spec.label());
    Split split = stratifiedSplit(labels, hp.validationShare(), hp.seed());
    Preprocessor pre = Preprocessor.fit(spec, table, split.train());
    int width = pre.width();
    float[] trainX = encode(pre, table, split.train());
    float[] trainY = select(labels, split.train());
    double baseRate = mean(trainY);
    Files.createDirectories(outDir);
    Engine.getEngine("PyTorch").setRandomSeed((int) hp.seed());
    String version = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());

    double bestLoss = Double.MAX_VALUE;
    int bestEpoch = -1;
    try (NDManager manager = NDManager.newBaseManager(); Model model = Model.newInstance(ModelDescriptor.WEIGHTS_PREFIX, "PyTorch")) {
      model.setBlock(MlpNetwork.build(hp.hidden()));
      model.setProperty("Epoch", "0");
      DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss())
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(hp.learningRate()))
              .optWeightDecays(hp.weightDecay()).build());
      NDArray x = manager.create(trainX, new Shape(split.train().length, width));
      NDArray y = manager.create(trainY, new Shape(split.train().length, 1));
      NDArray valX = manager.create(encode(pre, table, split.validation()), new Shape(split.validation().length, width));
      float[] valY = select(labels, split.validation());
      ArrayDataset dataset = new ArrayDataset.Builder().setData(x).optLabels(y).setSampling(hp.batchSize(), true).build();
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(1, width));
        for (int epoch = 0; epoch < hp.maxEpochs(); epoch++) {
          for (Batch batch : trainer.iterateDataset(dataset)) {
            EasyTrain.trainBatch(trainer, batch);
            trainer.step();
            batch.close();
          }
          double loss = BinaryMetrics.of(valY, probabilities(trainer.evaluate(new NDList(valX)).singletonOrThrow()), 0.5).logloss();
          LOG.info("epoch {} validation logloss {}", epoch, String.format("%.5f", loss));
          if (loss < bestLoss - 1e-5) {
            bestLoss = loss;
            bestEpoch = epoch;
            model.save(outDir, ModelDescriptor.WEIGHTS_PREFIX);
          } else if (epoch - bestEpoch >= hp.patience()) {
            LOG.info("early stop at epoch {}; best epoch {}", epoch, bestEpoch);
            break;
          }
        }
      } catch (TranslateException e) {
        throw new IOException("training failed: " + e.getMessage(), e);
      }
    }
    // Re-load the best weights exactly as serving will, and measure them on the validation split.
    ModelDescriptor provisional = new ModelDescriptor("propensity", version, Instant.now().toString(), spec, pre, hp,
        trainingData, 0.5, baseRate, null);
    DjlPropensityModel.JSON.writerWithDefaultPrettyPrinter().writeValue(outDir.resolve(ModelDescriptor.FILE).toFile(), provisional);
    try (DjlPropensityModel best = DjlPropensityModel.load(outDir)) {
      float[] valY = select(labels, split.validation());
      double[] scores = best.scoreEncoded(encodeRows(pre, table, split.validation()));
      double threshold = bestF1Threshold(valY, scores);
      ModelDescriptor done = new ModelDescriptor("propensity", version, provisional.createdAt(), spec, pre, hp,
          trainingData, threshold, baseRate, BinaryMetrics.of(valY, scores, threshold));
      DjlPropensityModel.JSON.writerWithDefaultPrettyPrinter().writeValue(outDir.resolve(ModelDescriptor.FILE).toFile(), done);
      LOG.info("best epoch {}; validation AUC {}", bestEpoch, String.format("%.4f", done.validation().auc()));
      return done;
    }
  }

  public static Split stratifiedSplit(float[] labels, double validationShare, long seed) {
    List<Integer> pos = new ArrayList<>();
    List<Integer> neg = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      (labels[i] > 0.5f ? pos : neg).add(i);
    }
    Random random = new Random(seed);
    java.util.Collections.shuffle(pos, random);
    java.util.Collections.shuffle(neg, random);
    int valPos = (int) Math.round(pos.size() * validationShare);
    int valNeg = (int) Math.round(neg.size() * validationShare);
    List<Integer> val = new ArrayList<>(pos.subList(0, valPos));
    val.addAll(neg.subList(0, valNeg));
    List<Integer> train = new ArrayList<>(pos.subList(valPos, pos.size()));
    train.addAll(neg.subList(valNeg, neg.size()));
    java.util.Collections.sort(val);
    java.util.Collections.shuffle(train, random);
    return new Split(train.stream().mapToInt(Integer::intValue).toArray(), val.stream().mapToInt(Integer::intValue).toArray());
  }

  static double bestF1Threshold(float[] labels, double[] scores) {
    double best = 0.5;
    double bestF1 = -1;
    for (int t = 5; t <= 95; t++) {
      double f1 = BinaryMetrics.of(labels, scores, t / 100.0).f1();
      if (f1 > bestF1) {
        bestF1 = f1;
        best = t / 100.0;
      }
    }
    return best;
  }

  private static double[] probabilities(NDArray logits) {
    float[] raw = logits.toFloatArray();
    double[] p = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      p[i] = 1.0 / (1.0 + Math.exp(-raw[i]));
    }
    return p;
  }

  static List<float[]> encodeRows(Preprocessor pre, CsvTable table, int[] rows) {
    List<float[]> out = new ArrayList<>(rows.length);
    for (int r : rows) {
      out.add(pre.transformRow(table, r));
    }
    return out;
  }

  private static float[] encode(Preprocessor pre, CsvTable table, int[] rows) {
    int width = pre.width();
    float[] flat = new float[rows.length * width];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(pre.transformRow(table, rows[i]), 0, flat, i * width, width);
    }
    return flat;
  }

  private static float[] select(float[] values, int[] rows) {
    float[] out = new float[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return out;
  }

  private static double mean(float[] values) {
    double s = 0;
    for (float v : values) s += v;
    return values.length == 0 ? 0 : s / values.length;
  }
}
