package io.kairos.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CharNGramFeatureGeneratorTest {

  @Test
  void marksTokenEdgesAndSharesGramsAcrossNegation() {
    var features = new CharNGramFeatureGenerator().extractFeatures(new String[] {"bad", "NOT_bad"}, Map.of());
    assertThat(features).contains("c2=<b", "c3=bad", "c4=bad>", "c5=<bad>");
    assertThat(features.stream().filter(f -> f.equals("c3=bad")).count()).isEqualTo(2);
  }

  @Test
  void countsCodePointsNotChars() {
    var features = new CharNGramFeatureGenerator().extractFeatures(new String[] {"😀x"}, Map.of());
    assertThat(features).contains("c2=<😀", "c2=😀x");
  }
}
