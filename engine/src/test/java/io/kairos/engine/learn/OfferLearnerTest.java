package io.kairos.engine.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kairos.engine.store.SqliteContactLog;
import io.kairos.engine.store.SqliteDatabase;
import io.kairos.engine.store.SqliteDecisionLog;
import io.kairos.engine.store.SqliteEventLog;
import io.kairos.engine.store.SqliteMergeLog;
import io.kairos.engine.store.SqliteOfferModelLog;
import io.kairos.engine.store.SqlitePersonalData;
import io.kairos.engine.store.SqliteShadowScoreLog;
import io.kairos.engine.store.SqliteSnapshotStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unlearning on the real store: an erasure queues what the person's feedback taught the offer models in its own
 * transaction, and a learner opened on that store (the next start, after a crash that came before the unlearning)
 * takes it out, once.
 */
class OfferLearnerTest {

  static final List<String> FEATURES = List.of("propensity", "sentiment");

  @TempDir Path dir;

  SqliteDatabase open() {
    return new SqliteDatabase(dir, false, Stream.of(SqliteEventLog.SCHEMA, SqliteDecisionLog.SCHEMA, SqliteMergeLog.SCHEMA,
        SqlitePersonalData.SCHEMA, SqliteShadowScoreLog.SCHEMA, SqliteOfferModelLog.SCHEMA, SqliteContactLog.SCHEMA,
        SqliteSnapshotStore.SCHEMA).flatMap(List::stream).toList());
  }

  /** Logs a decision for the person and an outcome on it that the learner learns, as the feedback path does. */
  static void decideAndLearn(SqliteDecisionLog log, OfferLearner learner, String person, String decisionId, double[] x,
      boolean accepted) throws Exception {
    log.recordDecision(decisionId, person, "web", "home", 1_000, "{}".getBytes(StandardCharsets.UTF_8), null).get();
    OfferLearner.Observed observed = learner.observe("offer-a", x, -1.0, accepted, 1_000);
    observed.saved().get();
    log.recordFeedback(decisionId, "offer-a", accepted ? "accept" : "reject", 1_000, "{}", observed.learned()).get();
  }

  @Test
  void anErasureInterruptedBeforeUnlearningIsFinishedAtTheNextStart() throws Exception {
    OfferModel beforeThePerson;
    try (SqliteDatabase db = open()) {
      SqliteDecisionLog log = new SqliteDecisionLog(db);
      OfferLearner learner = OfferLearner.open(new SqliteOfferModelLog(db), FEATURES, 1.0);
      for (int i = 0; i < 30; i++) {
        decideAndLearn(log, learner, "someone-" + i, "d-" + i, new double[] {1, 0.1 * (i % 10), i % 2}, i % 3 == 0);
      }
      beforeThePerson = learner.model("offer-a");
      decideAndLearn(log, learner, "erin", "d-erin-1", new double[] {1, 0.9, 1}, true);
      decideAndLearn(log, learner, "erin", "d-erin-2", new double[] {1, 0.8, 1}, true);
      assertThat(learner.model("offer-a").observations()).isEqualTo(32);
      var erasure = new SqlitePersonalData(db).erase(List.of("erin"), "erasure-1", 2_000).get();
      assertThat(erasure.learnedOutcomes()).isEqualTo(2);
      assertThat(erasure.feedback()).isEqualTo(2);
      // the engine stops here, before PrivacyService asks the learner to unlearn
    }
    try (SqliteDatabase db = open()) {
      OfferLearner learner = OfferLearner.open(new SqliteOfferModelLog(db), FEATURES, 1.0);
      OfferModel after = learner.model("offer-a");
      assertThat(after.observations()).isEqualTo(30);
      assertThat(after.positives()).isEqualTo(beforeThePerson.positives());
      for (int i = 0; i < 3; i++) {
        assertThat(after.mean()[i]).as("weight " + i).isCloseTo(beforeThePerson.mean()[i], within(1e-9));
      }
      assertThat(learner.unlearnPending(3_000)).as("nothing left to unlearn, and nothing unlearned twice").isZero();
    }
    try (SqliteDatabase db = open()) {
      assertThat(OfferLearner.open(new SqliteOfferModelLog(db), FEATURES, 1.0).model("offer-a").observations())
          .as("the unlearned state is what was stored").isEqualTo(30);
    }
  }

  @Test
  void outcomesLearnedOverAnotherFeatureListAreDroppedNotUnlearned() throws Exception {
    try (SqliteDatabase db = open()) {
      SqliteDecisionLog log = new SqliteDecisionLog(db);
      OfferLearner learner = OfferLearner.open(new SqliteOfferModelLog(db), FEATURES, 1.0);
      decideAndLearn(log, learner, "erin", "d-erin", new double[] {1, 0.9, 1}, true);
      new SqlitePersonalData(db).erase(List.of("erin"), "erasure-1", 2_000).get();
    }
    try (SqliteDatabase db = open()) {
      // started with a third feature: the stored model is dropped, and the queued outcome with it
      OfferLearner learner = OfferLearner.open(new SqliteOfferModelLog(db), List.of("propensity", "sentiment", "recency"), 1.0);
      assertThat(learner.model("offer-a").observations()).isZero();
      assertThat(new SqliteOfferModelLog(db).pendingUnlearning()).isEmpty();
    }
  }
}
