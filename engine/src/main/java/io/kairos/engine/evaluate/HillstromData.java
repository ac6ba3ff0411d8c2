package io.kairos.engine.evaluate;

import io.kairos.engine.error.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<String> names = Arrays.asList(in.readLine().strip().split(","));
      int[] col = new int[12];
      String[] wanted = {"recency", "history", "mens", "womens", "zip_code", "newbie", "channel", "segment", "visit", "conversion", "spend"};
      for (int i = 0; i < wanted.length; i++) {
        col[i] = names.indexOf(wanted[i]);
        if (col[i] < 0) {
          throw new InvalidInputException("invalid_data", file + " has no column " + wanted[i], "data");
        }
      }
      String line;
      int n = 1;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.strip().split(",");
        try {
          String arm = ARMS.get(f[col[7]]);
          if (arm == null) {
            throw new IllegalArgumentException("unknown segment " + f[col[7]]);
          }
          out.add(new Customer(n, Integer.parseInt(f[col[0]]), Double.parseDouble(f[col[1]]), Integer.parseInt(f[col[2]]),
              Integer.parseInt(f[col[3]]), f[col[4]], Integer.parseInt(f[col[5]]), f[col[6]], arm, Integer.parseInt(f[col[8]]),
              Integer.parseInt(f[col[9]]), Double.parseDouble(f[col[10]])));
        } catch (RuntimeException e) {
          throw new InvalidInputException("invalid_data", file + " line " + n + ": " + e.getMessage(), "data");
        }
      }
    } catch (IOException e) {
      throw new InvalidInputException("unreadable_data", "cannot read " + file + ": " + e.getMessage(), "data");
    }
    return out;
  }
}
