package io.kairos.models;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the propensity model that the engine serves: a stratified train/validation split,
 * preprocessing fitted on the training split only, the {@link MlpLearner}, then the threshold and
 * metrics on the validation split, all written to one model directory.
 */
public final class PropensityTrainer {

  private static final Logger LOG = LoggerFactory.getLogger(PropensityTrainer.class);

  public ModelDescriptor train(CsvTable table, FeatureSpec spec, Hyperparameters hp, Map<String, Object> trainingData,
      Path outDir) throws IOException {
    float[] labels = table.labels(spec.label());
    Splits.Split split = Splits.stratified(labels, Splits.all(labels.length), hp.validationShare(), hp.seed());
    Preprocessor pre = Preprocessor.fit(spec, table, split.train());
    EncodedRows train = EncodedRows.of(pre, table, split.train(), labels);
    EncodedRows validation = EncodedRows.of(pre, table, split.validation(), labels);
    String version = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS").withZone(ZoneOffset.UTC).format(Instant.now());
    try (MlpScorer scorer = new MlpLearner(hp).fit(train, validation, outDir)) {
      double[] scores = scorer.scores(validation);
      double threshold = Thresholds.maxF1(validation.y(), scores);
      ModelDescriptor done = new ModelDescriptor("propensity", version, Instant.now().toString(), spec, pre, hp,
          trainingData, scorer.calibration(), threshold, train.positiveRate(), BinaryMetrics.of(validation.y(), scores, threshold));
      DjlPropensityModel.JSON.writerWithDefaultPrettyPrinter().writeValue(outDir.resolve(ModelDescriptor.FILE).toFile(), done);
      LOG.info("validation AUC {}", String.format("%.4f", done.validation().auc()));
      return done;
    }
  }
}
