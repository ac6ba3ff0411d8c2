package io.kairos.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kairos.nlp.data.DatasetFormat;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import org.junit.jupiter.api.Test;

/**
 * The cached, hashed scorer gives OpenNLP's own probabilities for every shipped document-categorizer model
 * (the en, de, es and it models are TF-IDF models, checked by TfIdfSentimentModelTest), twice (cold and cached).
 */
class CachedDoccatScorerTest {

  static {
    opennlp.tools.util.ext.ExtensionLoader.registerAllowedPackage("io.kairos.nlp");
  }

  @Test
  void probabilitiesAreDocumentCategorizerMes() throws Exception {
    TextNormalizer normalizer = new TextNormalizer();
    List<String> languages = List.of("ar", "fr", "pt", "ru", "zh");
    List<String> folders = List.of("arabic", "french", "portuguese",
        "sentirueval2016_ru/sentirueval2016_banks_train.csv", "chnsenticorp_htl_zh/chnsenticorp_htl_train.csv");
    for (int l = 0; l < languages.size(); l++) {
      DoccatModel model;
      try (InputStream in = Files.newInputStream(SharedData.shippedModels().resolve("sentiment/" + languages.get(l) + "/sentiment.bin"))) {
        model = new DoccatModel(in);
      }
      CachedDoccatScorer scorer = new CachedDoccatScorer(model);
      assertThat(scorer.hashesWordFeatures()).as(languages.get(l)).isTrue();
      DocumentCategorizerME reference = new DocumentCategorizerME(model);
      List<LabeledText> texts = switch (languages.get(l)) {
        case "ru" -> DatasetFormat.SENTIRUEVAL.read(SharedData.file(folders.get(l)), "train").subList(0, 500);
        case "zh" -> DatasetFormat.CHNSENTICORP.read(SharedData.file(folders.get(l)), "train").subList(0, 500);
        default -> DatasetFormat.UMSAB.read(
            SharedData.file("umsab_xlmt_multilingual_tweets/" + folders.get(l) + "/val_text.txt").getParent(), "val");
      };
      for (int round = 0; round < 2; round++) {
        for (LabeledText t : texts) {
          String[] tokens = normalizer.tokens(t.text());
          double[] expected = reference.categorize(tokens);
          double[] actual = scorer.probabilities(tokens);
          for (int i = 0; i < expected.length; i++) {
            assertThat(scorer.outcome(i)).isEqualTo(reference.getCategory(i));
            assertThat(actual[i]).as("%s %s", languages.get(l), t.text()).isCloseTo(expected[i], within(1e-9));
          }
        }
      }
    }
  }

  @Test
  void hashingIsUsedOnlyForGeneratorsItReproduces() throws Exception {
    java.util.Map<String, opennlp.tools.ml.model.Context> none = java.util.Map.of();
    assertThat(HashedWordFeatures.of(List.of(new opennlp.tools.doccat.BagOfWordsFeatureGenerator(),
        new opennlp.tools.doccat.NGramFeatureGenerator(), new WordTrigramFeatureGenerator()), none)).isNotNull();
    assertThat(HashedWordFeatures.of(List.of(new opennlp.tools.doccat.BagOfWordsFeatureGenerator(),
        new opennlp.tools.doccat.NGramFeatureGenerator(1, 3)), none)).as("other n-gram lengths").isNull();
    assertThat(HashedWordFeatures.of(List.of(new opennlp.tools.doccat.BagOfWordsFeatureGenerator(), (text, extra) -> List.of("x")),
        none)).as("a generator it does not know").isNull();
    assertThat(HashedWordFeatures.of(List.of(new opennlp.tools.doccat.BagOfWordsFeatureGenerator(),
        new opennlp.tools.doccat.NGramFeatureGenerator(), new opennlp.tools.doccat.NGramFeatureGenerator()), none))
        .as("a kind twice").isNull();
  }
}
