package io.kairos.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairos.nlp.data.DatasetFormat;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void sameFeaturesAsTheFirstVersionTheModelsWereTrainedOn() throws Exception {
    List<String[]> documents = new ArrayList<>();
    TextNormalizer normalizer = new TextNormalizer();
    for (String lang : List.of("arabic", "english", "french", "german", "italian", "portuguese", "spanish")) {
      DatasetFormat.UMSAB.read(SharedData.file("umsab_xlmt_multilingual_tweets/" + lang + "/val_text.txt").getParent(), "val")
          .forEach(t -> documents.add(normalizer.tokens(t.text())));
    }
    String longToken = "x".repeat(CharNGramFeatureGenerator.MAX_TOKEN_CHARS - 1) + "😀😀";
    documents.add(new String[] {longToken, "NOT_" + longToken, "NOT_", "😀", "\uD83D", "a\uDE00b", ""});
    CharNGramFeatureGenerator generator = new CharNGramFeatureGenerator();
    for (String[] tokens : documents) {
      assertThat(generator.extractFeatures(tokens, Map.of())).containsExactlyElementsOf(firstVersion(tokens));
    }
  }

  /** The generator as the shipped models were trained with it. */
  private static List<String> firstVersion(String[] text) {
    List<String> features = new ArrayList<>();
    for (String token : text) {
      String t = token.startsWith("NOT_") ? token.substring(4) : token;
      if (t.length() > CharNGramFeatureGenerator.MAX_TOKEN_CHARS) {
        t = t.substring(0, CharNGramFeatureGenerator.MAX_TOKEN_CHARS);
      }
      int[] cps = ("<" + t + ">").codePoints().toArray();
      for (int n = CharNGramFeatureGenerator.MIN; n <= CharNGramFeatureGenerator.MAX; n++) {
        for (int i = 0; i + n <= cps.length; i++) {
          features.add("c" + n + "=" + new String(cps, i, n));
        }
      }
    }
    return features;
  }
}
