package io.kairos.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kairos.nlp.data.DatasetFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.model.MaxentModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TF-IDF model: its weighting by hand, its scores against OpenNLP's, its file, and its loading. */
class TfIdfSentimentModelTest {

  private static final SentimentTrainer.Settings SETTINGS =
      new SentimentTrainer.Settings(SentimentTrainer.Algorithm.TFIDF, 100, 1, true, 0.5, false, false);
  private static SentimentTrainer.TfIdfFit fit;
  private static List<LabeledText> validation;

  @BeforeAll
  static void trainOnGermanTweets() throws IOException {
    Path german = SharedData.file("umsab_xlmt_multilingual_tweets/german/train_text.txt").getParent();
    fit = new SentimentTrainer().fitTfIdf("de", DatasetFormat.UMSAB.read(german, "train"), SETTINGS);
    validation = DatasetFormat.UMSAB.read(german, "val");
  }

  @Test
  void eachBlockIsCountTimesIdfScaledToUnitLength() {
    // Words only: w=a twice (idf 1), w=b once (idf 2), the bigram "a b" once (idf 1.5); "b a" is unknown.
    TfIdfSentimentModel model = new TfIdfSentimentModel("xx", new TfIdfFeatures(false, false),
        new String[] {"negative", "positive"}, new String[] {"w=a", "w=b", "b=a b"}, new float[] {1f, 2f, 1.5f},
        new float[] {0f, 1f, 0f, -1f, 0f, 2f});
    Map<String, Double> values = new LinkedHashMap<>();
    model.values(new String[] {"a", "b", "a"}, (f, v) -> values.put(model.featureName(f), v));
    double norm = Math.sqrt(2 * 2 + 2 * 2 + 1.5 * 1.5);
    assertThat(values).containsOnlyKeys("w=a", "w=b", "b=a b");
    assertThat(values.get("w=a")).isCloseTo(2 / norm, within(1e-12));
    assertThat(values.get("w=b")).isCloseTo(2 / norm, within(1e-12));
    assertThat(values.get("b=a b")).isCloseTo(1.5 / norm, within(1e-12));
    double positive = 1 * 2 / norm - 1 * 2 / norm + 2 * 1.5 / norm;
    assertThat(model.probabilities(new String[] {"a", "b", "a"})[1])
        .isCloseTo(Math.exp(positive) / (1 + Math.exp(positive)), within(1e-6));
    assertThat(model.probabilities(new String[] {"zzz"})).containsExactly(0.5, 0.5); // nothing known: the bias-free prior
  }

  @Test
  void scoresAreOpenNlpsEvaluationOfTheValuesItTrainedOn() {
    TfIdfSentimentModel model = fit.model();
    MaxentModel openNlp = fit.openNlp();
    TextNormalizer normalizer = new TextNormalizer();
    int compared = 0;
    for (LabeledText t : validation) {
      String[] tokens = normalizer.tokens(t.text());
      opennlp.tools.ml.model.Event event = model.event(t.label(), tokens);
      if (event == null) {
        continue;
      }
      double[] expected = openNlp.eval(event.getContext(), event.getValues());
      double[] actual = model.probabilities(tokens);
      for (int o = 0; o < model.outcomes(); o++) {
        assertThat(actual[o]).as(t.text()).isCloseTo(expected[openNlp.getIndex(model.outcome(o))], within(1e-5));
      }
      compared++;
    }
    assertThat(compared).isGreaterThan(300);
  }

  @Test
  void learnsGermanSentimentWellAboveChance() {
    SentimentEvaluation eval = SentimentEvaluation.evaluate(new OpenNlpSentimentAnalyzer(fit.model(), "de-test"), validation);
    assertThat(eval.macroF1()).as("3 balanced classes: chance is about 0.33; the shipped de model scores 0.634 on this set")
        .isGreaterThan(0.55);
  }

  @Test
  void survivesWritingAndReadingAndRefusesDamagedFiles(@TempDir Path dir) throws IOException {
    Path file = dir.resolve(TfIdfSentimentModel.FILE);
    fit.model().write(file);
    TfIdfSentimentModel read = TfIdfSentimentModel.read(file);
    TextNormalizer normalizer = new TextNormalizer();
    for (LabeledText t : validation.subList(0, 50)) {
      String[] tokens = normalizer.tokens(t.text());
      assertThat(read.probabilities(tokens)).containsExactly(fit.model().probabilities(tokens));
    }
    byte[] bytes = Files.readAllBytes(file);
    Path truncated = dir.resolve("truncated.bin");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> TfIdfSentimentModel.read(truncated)).isInstanceOf(IOException.class);
    Path garbage = dir.resolve("garbage.bin");
    Files.write(garbage, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    assertThatThrownBy(() -> TfIdfSentimentModel.read(garbage)).isInstanceOf(IOException.class);
    Path doccat = SharedData.shippedModels().resolve("sentiment/ar/" + OpenNlpSentimentAnalyzer.MODEL_FILE);
    assertThatThrownBy(() -> TfIdfSentimentModel.read(doccat)).isInstanceOf(IOException.class);
  }

  @Test
  void modelDirectoriesHoldOneKindOrTheOther(@TempDir Path root) throws IOException {
    Path de = Files.createDirectories(root.resolve("de"));
    fit.model().write(de.resolve(TfIdfSentimentModel.FILE));
    MultilingualSentimentAnalyzer analyzer = MultilingualSentimentAnalyzer.load(root, OpenNlpLanguageDetector.fromClasspath());
    assertThat(analyzer.languages()).containsExactly("de");
    Sentiment s = analyzer.analyze("Das ist wirklich großartig, ich liebe es!", "de");
    assertThat(s.isKnown()).isTrue();
    assertThat(s.label()).isEqualTo("positive");

    Files.copy(SharedData.shippedModels().resolve("sentiment/ar/" + OpenNlpSentimentAnalyzer.MODEL_FILE),
        de.resolve(OpenNlpSentimentAnalyzer.MODEL_FILE));
    assertThatThrownBy(() -> OpenNlpSentimentAnalyzer.load(de)).isInstanceOf(IOException.class)
        .hasMessageContaining("two sentiment models");
    assertThat(MultilingualSentimentAnalyzer.load(root, OpenNlpLanguageDetector.fromClasspath()).languages())
        .as("an ambiguous directory is skipped, not guessed").isEmpty();
  }
}
