package io.kairos.nlp.cli;

import io.kairos.nlp.LabeledText;
import io.kairos.nlp.LabeledTextReader;
import io.kairos.nlp.MultilingualSentimentAnalyzer;
import io.kairos.nlp.OpenNlpLanguageDetector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kairos sentiment bench}: latency of the full path (language detection + sentiment with
 * the shipped models) per text length, one thread, and throughput with several threads. Prints
 * one JSON object.
 */
@Command(name = "bench", description = "Per-text latency (median, p99) for 50/280/2000-character texts and throughput.")
final class SentimentBench implements Callable<Integer> {

  @Option(names = "--input", required = true, description = "TSV whose texts are cut or joined to each length") Path input;
  @Option(names = "--iterations", defaultValue = "20000") int iterations;
  @Option(names = "--threads", defaultValue = "2") int threads;
  @Option(names = "--seconds", defaultValue = "5") int seconds;

  @Override
  public Integer call() throws Exception {
    MultilingualSentimentAnalyzer analyzer = MultilingualSentimentAnalyzer.load(ShippedModels.sentimentRoot(),
        OpenNlpLanguageDetector.fromClasspath());
    List<LabeledText> corpus = LabeledTextReader.read(input);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("models", analyzer.modelVersion());
    result.put("input", input.getFileName().toString());
    result.put("cores", Runtime.getRuntime().availableProcessors());
    for (int length : new int[] {50, 280, 2000}) {
      List<String> texts = texts(corpus, length, 512);
      for (int i = 0; i < Math.min(iterations, 5000); i++) {
        analyzer.analyze(texts.get(i % texts.size()));
      }
      long[] nanos = new long[iterations];
      for (int i = 0; i < iterations; i++) {
        long start = System.nanoTime();
        analyzer.analyze(texts.get(i % texts.size()));
        nanos[i] = System.nanoTime() - start;
      }
      Arrays.sort(nanos);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("median_us", nanos[iterations / 2] / 1000.0);
      row.put("p99_us", nanos[(int) (iterations * 0.99)] / 1000.0);
      row.put("throughput_per_s", throughput(analyzer, texts));
      result.put("chars_" + length, row);
    }
    System.out.println(SentimentCli.JSON.writeValueAsString(result));
    return 0;
  }

  private double throughput(MultilingualSentimentAnalyzer analyzer, List<String> texts) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicBoolean stop = new AtomicBoolean();
    List<Future<Long>> counts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t;
      counts.add(pool.submit(() -> {
        long n = 0;
        while (!stop.get()) {
          analyzer.analyze(texts.get((int) ((n + offset) % texts.size())));
          n++;
        }
        return n;
      }));
    }
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    long total = 0;
    for (Future<Long> f : counts) {
      total += f.get();
    }
    pool.shutdown();
    return total / ((System.nanoTime() - start) / 1e9);
  }

  /** Texts of exactly {@code length} characters, built by joining consecutive corpus texts. */
  static List<String> texts(List<LabeledText> corpus, int length, int count) {
    List<String> out = new ArrayList<>(count);
    int next = 0;
    for (int i = 0; i < count; i++) {
      StringBuilder sb = new StringBuilder();
      while (sb.length() < length) {
        sb.append(corpus.get(next++ % corpus.size()).text()).append(' ');
      }
      out.add(sb.substring(0, length));
    }
    return out;
  }
}
