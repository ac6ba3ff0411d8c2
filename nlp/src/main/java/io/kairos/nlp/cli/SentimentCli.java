package io.kairos.nlp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kairos.nlp.LabeledText;
import io.kairos.nlp.LabeledTextReader;
import io.kairos.nlp.OpenNlpSentimentAnalyzer;
import io.kairos.nlp.Sentiment;
import io.kairos.nlp.SentimentEvaluation;
import io.kairos.nlp.SentimentTrainer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import opennlp.tools.doccat.DoccatModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kairos sentiment train|eval|predict}. Results go to standard output, logs to standard error. */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
    description = "Train, evaluate and apply sentiment models.",
    subcommands = {SentimentCli.Train.class, SentimentCli.Eval.class, SentimentCli.Predict.class})
public final class SentimentCli {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    return new CommandLine(new SentimentCli()).execute(args);
  }

  @Command(name = "train", description = "Train a model from TSV files (header text<TAB>label).")
  static final class Train implements Callable<Integer> {
    @Option(names = "--lang", required = true, description = "ISO 639-1 language code of the model") String lang;
    @Option(names = "--input", required = true, description = "training TSV; repeatable") List<Path> inputs;
    @Option(names = "--validation", description = "optional validation TSV; its metrics go into metrics.json") Path validation;
    @Option(names = "--out", required = true, description = "model directory to write") Path out;
    @Option(names = "--iterations", defaultValue = "100") int iterations;
    @Option(names = "--cutoff", defaultValue = "5", description = "minimum feature count") int cutoff;

    @Override
    public Integer call() throws Exception {
      List<LabeledText> examples = new ArrayList<>();
      for (Path input : inputs) {
        examples.addAll(LabeledTextReader.read(input));
      }
      System.err.printf("training %s sentiment on %d examples from %s%n", lang, examples.size(), inputs);
      DoccatModel model = new SentimentTrainer().train(lang, examples, new SentimentTrainer.Settings(iterations, cutoff));
      Files.createDirectories(out);
      try (OutputStream os = Files.newOutputStream(out.resolve(OpenNlpSentimentAnalyzer.MODEL_FILE))) {
        model.serialize(os);
      }
      Map<String, Object> metrics = new LinkedHashMap<>();
      metrics.put("language", lang);
      metrics.put("trainedOn", LocalDate.now().toString());
      metrics.put("trainingExamples", examples.size());
      metrics.put("inputs", inputs.stream().map(p -> p.getFileName().toString()).toList());
      metrics.put("iterations", iterations);
      metrics.put("cutoff", cutoff);
      if (validation != null) {
        OpenNlpSentimentAnalyzer analyzer = new OpenNlpSentimentAnalyzer(model, out.getFileName().toString());
        metrics.put("validation", evaluate(analyzer, LabeledTextReader.read(validation)));
        metrics.put("validationFile", validation.getFileName().toString());
      }
      JSON.writeValue(out.resolve("metrics.json").toFile(), metrics);
      System.out.println(JSON.writeValueAsString(metrics));
      return 0;
    }
  }

  @Command(name = "eval", description = "Evaluate a model on a TSV file; prints one JSON object.")
  static final class Eval implements Callable<Integer> {
    @Option(names = "--input", required = true) Path input;
    @Option(names = "--model", required = true, description = "model directory") Path model;
    @Option(names = "--lang", description = "language of the input (informational)") String lang;

    @Override
    public Integer call() throws Exception {
      OpenNlpSentimentAnalyzer analyzer = OpenNlpSentimentAnalyzer.load(model);
      Map<String, Object> result = evaluate(analyzer, LabeledTextReader.read(input));
      result.put("model", model.getFileName().toString());
      result.put("lang", lang != null ? lang : analyzer.language());
      System.out.println(JSON.writeValueAsString(result));
      return 0;
    }
  }

  @Command(name = "predict", description = "Read one text per line on stdin; write lang<TAB>label<TAB>score.")
  static final class Predict implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "model directory") Path model;

    @Override
    public Integer call() throws Exception {
      OpenNlpSentimentAnalyzer analyzer = OpenNlpSentimentAnalyzer.load(model);
      PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        Sentiment s = analyzer.analyze(line);
        out.printf("%s\t%s\t%.4f%n", s.language(), s.label(), s.score());
      }
      out.flush();
      return 0;
    }
  }

  static Map<String, Object> evaluate(OpenNlpSentimentAnalyzer analyzer, List<LabeledText> examples) {
    List<String> gold = new ArrayList<>();
    List<String> predicted = new ArrayList<>();
    for (LabeledText example : examples) {
      gold.add(example.label());
      predicted.add(analyzer.analyze(example.text()).label());
    }
    SentimentEvaluation eval = SentimentEvaluation.of(gold, predicted);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("n", eval.n());
    result.put("accuracy", eval.accuracy());
    result.put("macro_f1", eval.macroF1());
    result.put("per_class", eval.perClass());
    return result;
  }
}
