package io.kairos.models.cli;

import io.kairos.models.CsvTable;
import io.kairos.models.DjlPropensityModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", description = {
    "Scoring speed of a model directory: single-row latency (median, p99) and batched throughput",
    "(rows per second) per batch size and thread count, on rows of --input. Prints one JSON object."})
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--model", required = true) Path model;
  @Option(names = "--input", required = true, description = "CSV whose rows are scored (cycled)") Path input;
  @Option(names = "--single", defaultValue = "20000", description = "single-row calls measured (after as many warm-up calls)") int single;
  @Option(names = "--batches", split = ",", defaultValue = "64,512,4096") List<Integer> batches;
  @Option(names = "--threads", split = ",", defaultValue = "1,2") List<Integer> threads;
  @Option(names = "--seconds", defaultValue = "3", description = "measuring time per batched configuration") double seconds;

  @Override
  public Integer call() throws Exception {
    CsvTable table = CsvTable.read(input);
    List<Function<String, Object>> rows = table.rowLookups();
    Map<String, Object> out = new LinkedHashMap<>();
    try (DjlPropensityModel m = DjlPropensityModel.load(model)) {
      out.put("model", m.version());
      out.put("ensemble", m.descriptor().hyperparameters().ensemble());
      out.put("hidden", m.descriptor().hyperparameters().hidden());
      out.put("cpus", Runtime.getRuntime().availableProcessors());
      for (int i = 0; i < single; i++) {
        m.score(rows.get(i % rows.size()));
      }
      long[] nanos = new long[single];
      for (int i = 0; i < single; i++) {
        long start = System.nanoTime();
        m.score(rows.get(i % rows.size()));
        nanos[i] = System.nanoTime() - start;
      }
      Arrays.sort(nanos);
      out.put("single_median_us", nanos[single / 2] / 1000.0);
      out.put("single_p99_us", nanos[(int) (single * 0.99)] / 1000.0);
      List<Map<String, Object>> batched = new ArrayList<>();
      for (int batch : batches) {
        for (int t : threads) {
          batched.add(Map.of("batch", batch, "threads", t, "rows_per_second", Math.round(throughput(m, rows, batch, t))));
        }
      }
      out.put("batched", batched);
      out.put("explained_batch_512_threads_2_rows_per_second", Math.round(explainedThroughput(m, rows, 512, 2)));
    }
    System.out.println(PropensityCli.JSON.writeValueAsString(out));
    return 0;
  }

  private double throughput(DjlPropensityModel m, List<Function<String, Object>> rows, int batch, int threads) throws Exception {
    return measure(chunk -> m.scoreAll(chunk).length, rows, batch, threads);
  }

  /** Scoring with the top-3 feature contributions, as the engine does. */
  private double explainedThroughput(DjlPropensityModel m, List<Function<String, Object>> rows, int batch, int threads) throws Exception {
    return measure(chunk -> m.explainAll(chunk, 3).size(), rows, batch, threads);
  }

  private double measure(java.util.function.ToIntFunction<List<Function<String, Object>>> work, List<Function<String, Object>> rows,
      int batch, int threads) throws Exception {
    List<Function<String, Object>> chunk = new ArrayList<>(batch);
    for (int i = 0; i < batch; i++) {
      chunk.add(rows.get(i % rows.size()));
    }
    work.applyAsInt(chunk); // warm-up
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long deadline = System.nanoTime() + (long) (seconds * 1e9);
      long start = System.nanoTime();
      List<Future<Long>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          long scored = 0;
          while (System.nanoTime() < deadline) {
            scored += work.applyAsInt(chunk);
          }
          return scored;
        }));
      }
      long total = 0;
      for (Future<Long> f : done) {
        total += f.get();
      }
      return total / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdown();
    }
  }
}
