package io.kairos.nlp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kairos.nlp.LabeledText;
import io.kairos.nlp.LabeledTextReader;
import io.kairos.nlp.OpenNlpSentimentAnalyzer;
import io.kairos.nlp.Sentiment;
import io.kairos.nlp.SentimentEvaluation;
import io.kairos.nlp.SentimentTrainer;
import io.kairos.nlp.TfIdfSentimentModel;
import io.kairos.nlp.DetectedLanguage;
import io.kairos.nlp.LanguageDetector;
import io.kairos.nlp.MultilingualSentimentAnalyzer;
import io.kairos.nlp.OpenNlpLanguageDetector;
import io.kairos.nlp.SentimentAnalyzer;
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
    subcommands = {SentimentCli.Train.class, SentimentCli.Eval.class, SentimentCli.Predict.class, SentimentCli.Convert.class,
        SentimentCli.Split.class, SentimentBench.class})
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
    @Option(names = "--validation-share", defaultValue = "0",
        description = "without --validation: hold out this stratified share of the input (seed 42) for validation") double validationShare;
    @Option(names = "--out", required = true, description = "model directory to write") Path out;
    @Option(names = "--algorithm", defaultValue = "gis",
        description = "gis: iterative scaling, no penalty (default); qn: L-BFGS with an L2 penalty; "
            + "tfidf: TF-IDF-weighted features, L-BFGS with an L2 penalty (--cutoff is then a minimum document frequency)")
    String algorithm;
    @Option(names = "--l2", description = "L2 penalty for qn (default 0.3) and tfidf (default 0.5)") Double l2;
    @Option(names = "--iterations", defaultValue = "100") int iterations;
    @Option(names = "--char-ngrams", description = "add character 2-5-grams to the word features") boolean charNGrams;
    @Option(names = "--balance-classes",
        description = "repeat rarer classes' examples so each class weighs about as much as the largest") boolean balanceClasses;
    @Option(names = "--word-trigrams", description = "add word trigrams (character trigrams for Chinese)") boolean wordTrigrams;
    @Option(names = "--data-license", description = "license of the training data, written into the model card")
    String dataLicense = "not stated: check each source's SOURCE.md before shipping";
    @Option(names = "--cutoff", defaultValue = "5", description = "minimum feature count") int cutoff;

    private SentimentTrainer.Settings settings() {
      SentimentTrainer.Algorithm a = switch (algorithm.toLowerCase(java.util.Locale.ROOT)) {
        case "qn" -> SentimentTrainer.Algorithm.QN;
        case "gis" -> SentimentTrainer.Algorithm.GIS;
        case "tfidf" -> SentimentTrainer.Algorithm.TFIDF;
        default -> throw new picocli.CommandLine.ParameterException(new CommandLine(this),
            "--algorithm must be gis, qn or tfidf, not " + algorithm);
      };
      return new SentimentTrainer.Settings(a, iterations, cutoff, charNGrams, l2(a), wordTrigrams, balanceClasses);
    }

    private double l2(SentimentTrainer.Algorithm a) {
      return l2 != null ? l2 : a == SentimentTrainer.Algorithm.TFIDF ? 0.5 : 0.3;
    }

    private List<String> commandLine() {
      List<String> cmd = new ArrayList<>(List.of("bin/kairos", "sentiment", "train", "--lang", lang));
      inputs.forEach(i -> cmd.addAll(List.of("--input", i.toString())));
      if (validation != null) {
        cmd.addAll(List.of("--validation", validation.toString()));
      } else if (validationShare > 0) {
        cmd.addAll(List.of("--validation-share", String.valueOf(validationShare)));
      }
      cmd.addAll(List.of("--out", out.toString(), "--algorithm", algorithm));
      if (settings().algorithm() != SentimentTrainer.Algorithm.GIS) {
        cmd.addAll(List.of("--l2", String.valueOf(settings().l2())));
      }
      cmd.addAll(List.of("--iterations", String.valueOf(iterations), "--cutoff", String.valueOf(cutoff)));
      if (charNGrams) {
        cmd.add("--char-ngrams");
      }
      if (wordTrigrams) {
        cmd.add("--word-trigrams");
      }
      if (balanceClasses) {
        cmd.add("--balance-classes");
      }
      cmd.addAll(List.of("--data-license", "'" + dataLicense + "'"));
      return cmd;
    }

    @Override
    public Integer call() throws Exception {
      SentimentTrainer.Settings settings = settings(); // rejects a bad --algorithm before reading data
      List<LabeledText> examples = new ArrayList<>();
      for (Path input : inputs) {
        examples.addAll(LabeledTextReader.read(input));
      }
      List<LabeledText> heldOut = List.of();
      if (validation == null && validationShare > 0) {
        List<List<LabeledText>> split = io.kairos.nlp.LabeledTextSplit.stratified(examples, validationShare, 42L);
        examples = split.get(0);
        heldOut = split.get(1);
      } else if (validation != null) {
        heldOut = LabeledTextReader.read(validation);
      }
      System.err.printf("training %s sentiment on %d examples from %s%n", lang, examples.size(), inputs);
      Files.createDirectories(out);
      OpenNlpSentimentAnalyzer analyzer;
      String version = out.getFileName().toString();
      if (settings.algorithm() == SentimentTrainer.Algorithm.TFIDF) {
        TfIdfSentimentModel model = new SentimentTrainer().trainTfIdf(lang, examples, settings);
        Files.deleteIfExists(out.resolve(OpenNlpSentimentAnalyzer.MODEL_FILE)); // one model per directory
        model.write(out.resolve(TfIdfSentimentModel.FILE));
        analyzer = new OpenNlpSentimentAnalyzer(model, version);
      } else {
        DoccatModel model = new SentimentTrainer().train(lang, examples, settings);
        Files.deleteIfExists(out.resolve(TfIdfSentimentModel.FILE));
        try (OutputStream os = Files.newOutputStream(out.resolve(OpenNlpSentimentAnalyzer.MODEL_FILE))) {
          model.serialize(os);
        }
        analyzer = new OpenNlpSentimentAnalyzer(model, version);
      }
      Map<String, Object> metrics = new LinkedHashMap<>();
      metrics.put("language", lang);
      metrics.put("trainedOn", LocalDate.now().toString());
      metrics.put("trainingExamples", examples.size());
      metrics.put("inputs", inputs.stream().map(p -> p.getFileName().toString()).toList());
      metrics.put("algorithm", settings.algorithm().name().toLowerCase(java.util.Locale.ROOT));
      if (settings.algorithm() != SentimentTrainer.Algorithm.GIS) {
        metrics.put("l2", settings.l2());
      }
      metrics.put("iterations", iterations);
      metrics.put("cutoff", cutoff);
      metrics.put("charNGrams", charNGrams);
      metrics.put("wordTrigrams", wordTrigrams);
      metrics.put("balanceClasses", balanceClasses);
      metrics.put("dataLicense", dataLicense);
      if (!heldOut.isEmpty()) {
        metrics.put("validation", evaluate(analyzer, heldOut));
        metrics.put("majorityBaseline", majorityBaseline(examples, heldOut));
        metrics.put("validationFile", validation != null ? validation.getFileName().toString()
            : String.format(java.util.Locale.ROOT, "stratified %.0f%% of the input, seed 42", validationShare * 100));
      }
      JSON.writeValue(out.resolve("metrics.json").toFile(), metrics);
      Files.writeString(out.resolve("MODEL_CARD.md"), modelCard(metrics, String.join(" ", commandLine())),
          StandardCharsets.UTF_8);
      System.out.println(JSON.writeValueAsString(metrics));
      return 0;
    }
  }

  @Command(name = "eval", description = "Evaluate on a TSV file (header text<TAB>label); prints one JSON object.")
  static final class Eval implements Callable<Integer> {
    @Option(names = "--input", required = true) Path input;
    @Option(names = "--model", description = "one model directory; default: the shipped models, chosen by --lang or detected language") Path model;
    @Option(names = "--lang", description = "language of every text (skips detection)") String lang;

    @Override
    public Integer call() throws Exception {
      List<LabeledText> examples = LabeledTextReader.read(input);
      OpenNlpLanguageDetector detector = OpenNlpLanguageDetector.fromClasspath();
      SentimentAnalyzer analyzer = analyzer(model, lang, detector);
      Map<String, Object> result = evaluate(analyzer, examples);
      result.put("model", model != null ? model.getFileName().toString() : analyzer.modelVersion());
      result.put("input", input.getFileName().toString());
      if (lang != null) {
        result.put("lang", lang);
      } else {
        Map<String, Long> detected = new java.util.TreeMap<>();
        for (LabeledText t : examples) {
          detected.merge(detector.detect(t.text()).code(), 1L, Long::sum);
        }
        result.put("detected_languages", detected);
      }
      System.out.println(JSON.writeValueAsString(result));
      return 0;
    }
  }

  @Command(name = "predict", description = "Read one text per line on stdin; write lang<TAB>label<TAB>score.")
  static final class Predict implements Callable<Integer> {
    @Option(names = "--model", description = "one model directory; default: the shipped models") Path model;
    @Option(names = "--lang", description = "language of every text (skips detection)") String lang;

    @Override
    public Integer call() throws Exception {
      SentimentAnalyzer analyzer = analyzer(model, lang, OpenNlpLanguageDetector.fromClasspath());
      PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        Sentiment s = analyzer.analyze(line);
        out.printf(java.util.Locale.ROOT, "%s\t%s\t%.4f%n", s.language(), s.label(), s.score());
      }
      out.flush();
      return 0;
    }
  }

  /**
   * One model directory (as {@code --lang} or its own language), or the shipped models: all
   * languages with detection, or one language when {@code lang} is given.
   */
  static SentimentAnalyzer analyzer(Path model, String lang, LanguageDetector detector) throws java.io.IOException {
    if (model != null) {
      OpenNlpSentimentAnalyzer single = OpenNlpSentimentAnalyzer.load(model);
      String language = lang != null ? lang : single.language();
      return new MultilingualSentimentAnalyzer(text -> new DetectedLanguage(language, 1.0), Map.of(language, single));
    }
    MultilingualSentimentAnalyzer shipped = MultilingualSentimentAnalyzer.load(ShippedModels.sentimentRoot(), detector);
    return lang == null ? shipped : shipped.forLanguage(lang);
  }

  @Command(name = "convert", description = "Convert a dataset's native format to TSV (text<TAB>label).")
  static final class Convert implements Callable<Integer> {
    @Option(names = "--format", required = true, description = "umsab, sentirueval, chnsenticorp, astd, laroseda") String format;
    @Option(names = "--input", required = true, description = "file or folder, as the format needs") Path input;
    @Option(names = "--split", defaultValue = "train", description = "split name for folder formats (umsab: train, val)") String split;
    @Option(names = "--out", required = true) Path out;

    @Override
    public Integer call() throws Exception {
      List<LabeledText> rows = io.kairos.nlp.data.DatasetFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT)).read(input, split);
      write(rows, out);
      System.err.printf("wrote %d rows to %s%n", rows.size(), out);
      return 0;
    }
  }

  @Command(name = "split", description = "Split a TSV into stratified training and validation TSVs (the split train --validation-share makes).")
  static final class Split implements Callable<Integer> {
    @Option(names = "--input", required = true) Path input;
    @Option(names = "--validation-share", defaultValue = "0.2") double validationShare;
    @Option(names = "--seed", defaultValue = "42") long seed;
    @Option(names = "--train-out", required = true) Path trainOut;
    @Option(names = "--validation-out", required = true) Path validationOut;

    @Override
    public Integer call() throws Exception {
      List<List<LabeledText>> parts = io.kairos.nlp.LabeledTextSplit.stratified(LabeledTextReader.read(input), validationShare, seed);
      write(parts.get(0), trainOut);
      write(parts.get(1), validationOut);
      System.err.printf("wrote %d training rows to %s and %d validation rows to %s%n", parts.get(0).size(), trainOut,
          parts.get(1).size(), validationOut);
      return 0;
    }
  }

  static void write(List<LabeledText> rows, Path out) throws java.io.IOException {
    try (java.io.BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("text\tlabel\n");
      for (LabeledText row : rows) {
        w.write(row.text().replaceAll("[\\t\\r\\n]+", " ").strip() + "\t" + row.label() + "\n");
      }
    }
  }

  @SuppressWarnings("unchecked")
  static String modelCard(Map<String, Object> m, String command) {
    Map<String, Object> v = (Map<String, Object>) m.get("validation");
    String validation = v == null ? "none (no --validation file given)"
        : String.format(java.util.Locale.ROOT, "accuracy %.4f, macro-F1 %.4f on %s (%s examples)", v.get("accuracy"),
            v.get("macro_f1"), m.get("validationFile"), v.get("n"));
    return """
        # Model card: sentiment (%s)

        - **Task**: sentiment of customer text; labels from the training data (negative/positive, plus neutral when present). Score = P(positive) - P(negative) in [-1, 1].
        - **Trained**: %s with `%s`.
        - **Training data**: %s (%s examples). License: %s.
        - **Method**: Apache OpenNLP maximum-entropy (multinomial logistic regression) model (%s) over normalized tokens (lower case; URLs, mentions and numbers as placeholders; elongations shortened; `NOT_` prefix after negations up to clause punctuation), word unigram and bigram%s features%s.
        - **Class balance**: %s.
        - **Validation**: %s.
        - **Limits**: single language; trained on the domain of its data (film reviews for SST-2), so product and service text scores less reliably; sarcasm and mixed sentiment are hard.
        """.formatted(m.get("language"), m.get("trainedOn"), command, m.get("inputs"), m.get("trainingExamples"),
        m.get("dataLicense"), method(m), Boolean.TRUE.equals(m.get("wordTrigrams")) ? " and trigram" : "", Boolean.TRUE.equals(m.get("charNGrams")) ? " plus character 2-5-grams of each token" : "",
        Boolean.TRUE.equals(m.get("balanceClasses"))
            ? "rarer classes' examples repeated to weigh about as much as the largest (`--balance-classes`), so probabilities reflect a balanced class mix rather than the training data's"
            : "as in the training data",
        validation);
  }

  private static String method(Map<String, Object> m) {
    if ("tfidf".equals(m.get("algorithm"))) {
      return ("features weighted by TF-IDF, word and character blocks each scaled to unit length, L-BFGS with L2 penalty %s, "
          + "at most %s iterations, features in at least %s training texts").formatted(m.get("l2"), m.get("iterations"), m.get("cutoff"));
    }
    String trainer = "qn".equals(m.get("algorithm"))
        ? "L-BFGS with L2 penalty " + m.get("l2") : "generalized iterative scaling";
    return "%s, at most %s iterations, feature cutoff %s".formatted(trainer, m.get("iterations"), m.get("cutoff"));
  }

  /** Accuracy and macro-F1 of always predicting the training split's most frequent label. */
  static Map<String, Object> majorityBaseline(List<LabeledText> train, List<LabeledText> heldOut) {
    String majority = train.stream().collect(java.util.stream.Collectors.groupingBy(LabeledText::label,
        java.util.stream.Collectors.counting())).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    SentimentEvaluation eval = SentimentEvaluation.of(heldOut.stream().map(LabeledText::label).toList(),
        heldOut.stream().map(t -> majority).toList());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("label", majority);
    result.put("accuracy", eval.accuracy());
    result.put("macro_f1", eval.macroF1());
    return result;
  }

  static Map<String, Object> evaluate(SentimentAnalyzer analyzer, List<LabeledText> examples) {
    SentimentEvaluation eval = SentimentEvaluation.evaluate(analyzer, examples);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("n", eval.n());
    result.put("accuracy", eval.accuracy());
    result.put("macro_f1", eval.macroF1());
    result.put("per_class", eval.perClass());
    return result;
  }
}
