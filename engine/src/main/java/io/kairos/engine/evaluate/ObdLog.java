package io.kairos.engine.evaluate;

import io.kairos.engine.error.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A log in the Open Bandit Dataset's CSV format (Saito et al., 2021): one impression per row with
 * {@code item_id}, {@code position}, {@code click} and the logging policy's {@code propensity_score}.
 * User features are not read: the estimators here need only actions, rewards and propensities.
 */
public record ObdLog(Path file, List<Row> rows) {

  /** One impression: the item shown, at which slot, whether it was clicked, with what probability it was chosen. */
  public record Row(int item, int position, int click, double propensity) {}

  public static ObdLog read(Path file) {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new InvalidInputException("empty_log", file + " is empty", "log");
      }
      List<String> names = Arrays.asList(header.split(","));
      int item = column(names, "item_id", file);
      int position = column(names, "position", file);
      int click = column(names, "click", file);
      int propensity = column(names, "propensity_score", file);
      String line;
      int lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",", propensity + 2);
        try {
          double p = Double.parseDouble(f[propensity]);
          if (!(p > 0 && p <= 1)) {
            throw new NumberFormatException("propensity_score must be in (0, 1], got " + f[propensity]);
          }
          rows.add(new Row(Integer.parseInt(f[item]), Integer.parseInt(f[position]), Integer.parseInt(f[click]), p));
        } catch (RuntimeException e) {
          throw new InvalidInputException("invalid_log", file + " line " + lineNo + ": " + e.getMessage(), "log");
        }
      }
    } catch (IOException e) {
      throw new InvalidInputException("unreadable_log", "cannot read " + file + ": " + e.getMessage(), "log");
    }
    if (rows.isEmpty()) {
      throw new InvalidInputException("empty_log", file + " has no rows", "log");
    }
    return new ObdLog(file, List.copyOf(rows));
  }

  private static int column(List<String> names, String name, Path file) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new InvalidInputException("invalid_log", file + " has no column " + name + " (Open Bandit Dataset format)", "log");
    }
    return i;
  }

  public double clickRate() {
    return rows.stream().mapToInt(Row::click).sum() / (double) rows.size();
  }

  /**
   * The policy that produced this log, as the share of impressions at each position that showed
   * each item: its action distribution averaged over the logging period (the per-row propensities
   * are not averaged, since an item is logged more often when its probability is high).
   */
  public Map<Integer, Map<Integer, Double>> actionShares() {
    Map<Integer, Map<Integer, Double>> counts = new HashMap<>();
    Map<Integer, Integer> perPosition = new HashMap<>();
    for (Row r : rows) {
      counts.computeIfAbsent(r.position(), k -> new HashMap<>()).merge(r.item(), 1.0, Double::sum);
      perPosition.merge(r.position(), 1, Integer::sum);
    }
    counts.forEach((position, items) -> items.replaceAll((item, c) -> c / perPosition.get(position)));
    return counts;
  }
}
