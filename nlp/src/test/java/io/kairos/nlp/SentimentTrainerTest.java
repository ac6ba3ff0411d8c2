package io.kairos.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kairos.nlp.data.DatasetFormat;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Class balancing as a pure function; word trigrams surviving a model's save and load. */
class SentimentTrainerTest {

  @Test
  void balancingRepeatsRareClassesToAboutTheLargestClassSize() {
    List<LabeledText> examples = new java.util.ArrayList<>();
    for (int i = 0; i < 90; i++) {
      examples.add(new LabeledText("n" + i, "neutral"));
    }
    for (int i = 0; i < 30; i++) {
      examples.add(new LabeledText("x" + i, "negative"));
    }
    for (int i = 0; i < 8; i++) {
      examples.add(new LabeledText("p" + i, "positive"));
    }
    Map<String, Long> counts = SentimentTrainer.balanced(examples).stream()
        .collect(Collectors.groupingBy(LabeledText::label, Collectors.counting()));
    assertThat(counts).containsEntry("neutral", 90L).containsEntry("negative", 90L).containsEntry("positive", 88L); // 8 x round(11.25)
    assertThat(SentimentTrainer.balanced(List.of())).isEmpty();
  }

  @Test
  void trigramModelLoadsWithItsTrigramsAndScoresAsOpenNlpDoes(@TempDir Path dir) throws Exception {
    List<LabeledText> reviews = DatasetFormat.CHNSENTICORP.read(
        SharedData.file("chnsenticorp_htl_zh/chnsenticorp_htl_train.csv"), "train").subList(0, 1500);
    DoccatModel model = new SentimentTrainer().train("zh", reviews,
        new SentimentTrainer.Settings(SentimentTrainer.Algorithm.GIS, 30, 2, false, 0, true, true));
    try (OutputStream out = Files.newOutputStream(dir.resolve(OpenNlpSentimentAnalyzer.MODEL_FILE))) {
      model.serialize(out);
    }
    DoccatModel reloaded = new DoccatModel(dir.resolve(OpenNlpSentimentAnalyzer.MODEL_FILE));
    assertThat(Arrays.stream(reloaded.getFactory().getFeatureGenerators()).map(g -> g.getClass().getSimpleName()))
        .containsExactly("BagOfWordsFeatureGenerator", "NGramFeatureGenerator", "WordTrigramFeatureGenerator");
    OpenNlpSentimentAnalyzer analyzer = OpenNlpSentimentAnalyzer.load(dir);
    DocumentCategorizerME reference = new DocumentCategorizerME(reloaded);
    TextNormalizer normalizer = new TextNormalizer();
    for (LabeledText t : reviews.subList(0, 200)) {
      double[] expected = reference.categorize(normalizer.tokens(t.text()));
      Sentiment s = analyzer.analyze(t.text());
      if (!s.isKnown()) {
        continue;
      }
      assertThat(s.probabilities().get("positive")).as(t.text())
          .isCloseTo(expected[reference.getIndex("positive")], within(1e-9));
    }
    assertThat(new WordTrigramFeatureGenerator().extractFeatures(new String[] {"很", "好", "的", "房"}, Map.of()))
        .containsExactly("ng=:很:好:的", "ng=:好:的:房"); // OpenNLP's n-gram feature names start with a colon
  }
}
