package io.kairos.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kairos.nlp.cli.SentimentCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real training and the shipped model, on SST-2 from ../shared/data. */
class SentimentModelTest {

  @Test
  void shippedEnglishModelHoldsItsDevAccuracy() throws Exception {
    OpenNlpSentimentAnalyzer analyzer = OpenNlpSentimentAnalyzer.load(SharedData.shippedModels().resolve("sentiment/en"));
    SentimentEvaluation eval = SentimentEvaluation.evaluate(analyzer, LabeledTextReader.read(SharedData.file("sst2/dev.tsv")));
    // The model card reports 0.832 on this file (the TF-IDF model); a drop below 0.78 means the model or normalizer broke.
    assertThat(eval.accuracy()).isGreaterThan(0.78);
    assertThat(eval.macroF1()).isGreaterThan(0.78);
  }

  @Test
  void scoresAreProbabilityDifferencesInRange() throws Exception {
    OpenNlpSentimentAnalyzer analyzer = OpenNlpSentimentAnalyzer.load(SharedData.shippedModels().resolve("sentiment/en"));
    Sentiment bad = analyzer.analyze("Awful, broken on arrival and support never answered.");
    Sentiment good = analyzer.analyze("A wonderful, delightful experience. I love it!");
    assertThat(bad.label()).isEqualTo("negative");
    assertThat(good.label()).isEqualTo("positive");
    assertThat(bad.score()).isBetween(-1.0, 0.0);
    assertThat(good.score()).isBetween(0.0, 1.0);
    assertThat(good.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-6));
    assertThat(good.score()).isCloseTo(good.probabilities().get("positive") - good.probabilities().get("negative"), within(1e-9));
    assertThat(analyzer.analyze("  ").isKnown()).isFalse();
  }

  @Test
  void trainCommandWritesAModelThatBeatsChance(@TempDir Path out) throws Exception {
    Path model = out.resolve("sst2-small");
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = SentimentCli.run("train", "--lang", "en", "--input", SharedData.file("sst2/train.tsv").toString(),
          "--validation", SharedData.file("sst2/dev.tsv").toString(), "--out", model.toString(), "--iterations", "30");
    } finally {
      System.setOut(original);
    }
    assertThat(code).isZero();
    assertThat(model.resolve("sentiment.bin")).exists();
    assertThat(model.resolve("metrics.json")).exists();
    assertThat(captured.toString(StandardCharsets.UTF_8)).contains("\"accuracy\"");
    SentimentEvaluation eval = SentimentEvaluation.evaluate(OpenNlpSentimentAnalyzer.load(model),
        LabeledTextReader.read(SharedData.file("sst2/dev.tsv")));
    assertThat(eval.accuracy()).isGreaterThan(0.70);
  }

  @Test
  void l2TrainerIsSelectableAndRecordedInTheModelCard(@TempDir Path out) throws Exception {
    java.util.List<LabeledText> train = io.kairos.nlp.data.DatasetFormat.UMSAB.read(
        SharedData.file("umsab_xlmt_multilingual_tweets/french/train_text.txt").getParent(), "train");
    Path tsv = out.resolve("fr-train.tsv");
    java.nio.file.Files.writeString(tsv, "text\tlabel\n" + train.stream()
        .map(t -> t.text().replace('\t', ' ').replace('\n', ' ') + "\t" + t.label())
        .collect(java.util.stream.Collectors.joining("\n")) + "\n", StandardCharsets.UTF_8);
    Path model = out.resolve("fr-qn");
    PrintStream original = System.out;
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    int code;
    int bad;
    try {
      code = SentimentCli.run("train", "--lang", "fr", "--input", tsv.toString(), "--validation-share", "0.2",
          "--algorithm", "qn", "--l2", "0.3", "--iterations", "50", "--cutoff", "1", "--out", model.toString());
      bad = SentimentCli.run("train", "--lang", "fr", "--input", tsv.toString(), "--algorithm", "sgd", "--out",
          out.resolve("never").toString());
    } finally {
      System.setOut(original);
    }
    assertThat(code).isZero();
    assertThat(bad).isNotZero();
    assertThat(out.resolve("never")).doesNotExist();
    assertThat(java.nio.file.Files.readString(model.resolve("metrics.json"))).contains("\"algorithm\" : \"qn\"", "\"l2\" : 0.3");
    assertThat(java.nio.file.Files.readString(model.resolve("MODEL_CARD.md"))).contains("L-BFGS with L2 penalty 0.3");
    double macroF1 = new com.fasterxml.jackson.databind.ObjectMapper().readTree(model.resolve("metrics.json").toFile())
        .at("/validation/macro_f1").asDouble();
    assertThat(macroF1).as("3 balanced classes: chance is about 0.33").isGreaterThan(0.45);

    // The same directory retrained as a TF-IDF model holds that model only.
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      code = SentimentCli.run("train", "--lang", "fr", "--input", tsv.toString(), "--validation-share", "0.2",
          "--algorithm", "tfidf", "--char-ngrams", "--cutoff", "2", "--out", model.toString());
    } finally {
      System.setOut(original);
    }
    assertThat(code).isZero();
    assertThat(model.resolve(OpenNlpSentimentAnalyzer.MODEL_FILE)).doesNotExist();
    assertThat(model.resolve(TfIdfSentimentModel.FILE)).exists();
    assertThat(java.nio.file.Files.readString(model.resolve("metrics.json"))).contains("\"algorithm\" : \"tfidf\"", "\"l2\" : 0.5");
    assertThat(java.nio.file.Files.readString(model.resolve("MODEL_CARD.md")))
        .contains("weighted by TF-IDF", "L2 penalty 0.5", "features in at least 2 training texts");
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(model.resolve("metrics.json").toFile())
        .at("/validation/macro_f1").asDouble()).isGreaterThan(0.45);
    assertThat(OpenNlpSentimentAnalyzer.load(model).analyze("Service horrible, je suis très déçu").isKnown()).isTrue();
  }
}
