package io.kairos.engine.evaluate;

import io.kairos.engine.error.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true)
        .setIgnoreEmptyLines(true).build();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser csv = format.parse(in)) {
      for (String column : List.of("item_id", "position", "click", "propensity_score")) {
        if (!csv.getHeaderMap().containsKey(column)) {
          throw new InvalidInputException("invalid_log", file + " has no column " + column + " (Open Bandit Dataset format)", "log");
        }
      }
      for (CSVRecord r : csv) {
        try {
          double p = Double.parseDouble(r.get("propensity_score"));
          if (!(p > 0 && p <= 1)) {
            throw new NumberFormatException("propensity_score must be in (0, 1], got " + r.get("propensity_score"));
          }
          rows.add(new Row(Integer.parseInt(r.get("item_id")), Integer.parseInt(r.get("position")), Integer.parseInt(r.get("click")), p));
        } catch (RuntimeException e) {
          throw new InvalidInputException("invalid_log", file + " record " + r.getRecordNumber() + ": " + e.getMessage(), "log");
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new InvalidInputException("unreadable_log", "cannot read " + file + ": " + e.getMessage(), "log");
    }
    if (rows.isEmpty()) {
      throw new InvalidInputException("empty_log", file + " has no rows", "log");
    }
    return new ObdLog(file, List.copyOf(rows));
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
