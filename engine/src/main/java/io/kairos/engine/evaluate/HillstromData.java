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
import java.util.List;
import java.util.Map;

/** The Hillstrom e-mail experiment's CSV: one customer per row, the randomized arm and the outcomes. */
final class HillstromData {

  /** Experiment arm name to the offer id in {@code config/hillstrom-offers.yaml}. */
  static final Map<String, String> ARMS = Map.of("Mens E-Mail", "mens-email", "Womens E-Mail", "womens-email", "No E-Mail", "no-email");
  static final List<String> OFFERS = List.of("mens-email", "womens-email", "no-email");

  /** One customer: traits for the profile, the arm (an offer id) and the two-week outcomes. */
  record Customer(int row, int recency, double history, int mens, int womens, String zip, int newbie, String channel, String arm,
      int visit, int conversion, double spend) {}

  private HillstromData() {}

  static List<Customer> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException("missing_data", "no Hillstrom data at " + file + " (see ../shared/data/README.md)", "data");
    }
    List<Customer> out = new ArrayList<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).build();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser csv = format.parse(in)) {
      for (String column : List.of("recency", "history", "mens", "womens", "zip_code", "newbie", "channel", "segment", "visit",
          "conversion", "spend")) {
        if (!csv.getHeaderMap().containsKey(column)) {
          throw new InvalidInputException("invalid_data", file + " has no column " + column, "data");
        }
      }
      for (CSVRecord r : csv) {
        try {
          String arm = ARMS.get(r.get("segment"));
          if (arm == null) {
            throw new IllegalArgumentException("unknown segment " + r.get("segment"));
          }
          out.add(new Customer((int) r.getRecordNumber(), Integer.parseInt(r.get("recency")), Double.parseDouble(r.get("history")),
              Integer.parseInt(r.get("mens")), Integer.parseInt(r.get("womens")), r.get("zip_code"), Integer.parseInt(r.get("newbie")),
              r.get("channel"), arm, Integer.parseInt(r.get("visit")), Integer.parseInt(r.get("conversion")),
              Double.parseDouble(r.get("spend"))));
        } catch (RuntimeException e) {
          throw new InvalidInputException("invalid_data", file + " record " + r.getRecordNumber() + ": " + e.getMessage(), "data");
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new InvalidInputException("unreadable_data", "cannot read " + file + ": " + e.getMessage(), "data");
    }
    return out;
  }
}
