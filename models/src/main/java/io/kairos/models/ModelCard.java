package io.kairos.models;

import java.util.stream.Collectors;

/** Renders the human-readable model card written beside every trained model. */
public final class ModelCard {

  private ModelCard() {}

  public static String render(ModelDescriptor d, String command) {
    BinaryMetrics m = d.validation();
    String columns = d.spec().columns().stream().map(c -> "`" + c.name() + "` (" + c.kind() + ")").collect(Collectors.joining(", "));
    return """
        # Model card: %s@%s

        - **Task**: purchase propensity, P(%s = true) for one session or live profile.
        - **Created**: %s by `%s`.
        - **Training data**: `%s`, %s rows, sha256 `%s`. UCI Online Shoppers Purchasing Intention (Sakar et al. 2019), license CC BY 4.0, when trained on the file from `../shared/data/online_shoppers_intention`.
        - **Features** (spec v%d): %s.
        - **Network**: DJL (PyTorch engine) MLP, hidden layers %s, ReLU, one logit; an ensemble of %d such networks (seeds %d and up, logits averaged); Adam lr %s, weight decay %s, batch %d, positive-class weight %s, at most %d epochs, early stopping with patience %d on validation loss; Platt scaling fitted on the validation split (slope %.4f, intercept %.4f).
        - **Validation** (stratified %.0f%% split, seed %d, %d rows, base rate %.3f): AUC %.4f, PR-AUC %.4f, log-loss %.4f, Brier %.4f; at threshold %.2f (max F1): accuracy %.4f, precision %.4f, recall %.4f, F1 %.4f.
        - **Validation caveat**: the validation split also chose the stopping epoch, the calibration and the threshold, so these figures lean optimistic; `bin/kairos propensity compare` gives cross-validated figures on unseen folds.
        - **Limits**: trained on one retailer's 2017-era sessions; live profiles cannot observe every column, and missing values are imputed with the training median, which pulls scores toward the average. Scores are calibrated on this data only.
        """.formatted(d.name(), d.version(), d.spec().label(), d.createdAt(), command,
        d.trainingData().get("file"), d.trainingData().get("rows"), d.trainingData().get("sha256"),
        d.spec().version(), columns, d.hyperparameters().hidden(), d.hyperparameters().ensemble(), d.hyperparameters().seed(),
        d.hyperparameters().learningRate(),
        d.hyperparameters().weightDecay(), d.hyperparameters().batchSize(), d.hyperparameters().positiveWeight(),
        d.hyperparameters().maxEpochs(), d.hyperparameters().patience(), d.calibration().slope(), d.calibration().intercept(), d.hyperparameters().validationShare() * 100, d.hyperparameters().seed(), m.n(),
        d.baseRate(), m.auc(), m.prAuc(), m.logloss(), m.brier(), m.threshold(), m.accuracy(), m.precision(), m.recall(), m.f1());
  }
}
