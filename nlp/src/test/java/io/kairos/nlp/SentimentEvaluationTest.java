package io.kairos.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentEvaluationTest {

  @Test
  void computesAccuracyAndMacroF1() {
    SentimentEvaluation e = SentimentEvaluation.of(
        List.of("positive", "positive", "negative", "negative"),
        List.of("positive", "negative", "negative", "negative"));
    assertThat(e.accuracy()).isEqualTo(0.75);
    // positive: P=1, R=0.5, F1=2/3; negative: P=2/3, R=1, F1=0.8
    assertThat(e.macroF1()).isCloseTo((2.0 / 3 + 0.8) / 2, within(1e-9));
    assertThat(e.perClass().get("negative").get("support")).isEqualTo(2.0);
  }
}
