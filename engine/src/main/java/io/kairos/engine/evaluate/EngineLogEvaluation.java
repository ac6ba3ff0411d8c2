package io.kairos.engine.evaluate;

import io.kairos.engine.decide.LoggedCandidates;
import io.kairos.engine.error.InvalidInputException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rounds from the engine's own decision log ({@code <data-dir>/kairos.db}). The logged action is
 * each decision's first offer and its probability the {@code firstProbability} the policy logged;
 * a round counts once that offer received any feedback, and its reward is 1 (or the revenue) when
 * one of the positive outcomes arrived. The reward model for DR is the acceptance P each offer's
 * model gave at decision time. Target policies: {@code greedy} (the best posterior mean × value),
 * {@code uniform} (any eligible offer alike) and {@code logged} (the logging policy itself, a check).
 */
final class EngineLogEvaluation {

  static final List<String> TARGETS = List.of("greedy", "uniform", "logged");

  private EngineLogEvaluation() {}

  static List<LoggedRound> rounds(Path dataDir, String target, Set<String> positive, boolean revenue) {
    if (!TARGETS.contains(target)) {
      throw new InvalidInputException("invalid_policy", "target policy must be one of " + TARGETS + ", got " + target, "target");
    }
    Path db = dataDir.resolve("kairos.db");
    if (!Files.isRegularFile(db)) {
      throw new InvalidInputException("no_log", "no decision log at " + db, "data-dir");
    }
    Map<String, double[]> outcomes = new HashMap<>();
    List<LoggedRound> rounds = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro"); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT decision_id, offer_id, outcome, body FROM feedback")) {
        while (rs.next()) {
          double[] o = outcomes.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2), k -> new double[2]);
          if (positive.contains(rs.getString(3))) {
            o[0] = 1;
            o[1] += new JsonObject(rs.getString(4)).getDouble("revenue", 0.0);
          }
        }
      }
      // Logs from before 2026-12-03 that no newer engine has opened have no candidates column.
      String packed = hasColumn(c, "decisions", "candidates") ? "candidates" : "NULL";
      try (ResultSet rs = s.executeQuery("SELECT decision_id, body, " + packed + " FROM decisions ORDER BY created_at")) {
        while (rs.next()) {
          JsonObject d = new JsonObject(rs.getString(2));
          JsonArray chosen = d.getJsonArray("offers");
          byte[] columns = rs.getBytes(3);
          LoggedCandidates candidates = columns != null ? LoggedCandidates.unpack(columns) : LoggedCandidates.fromJson(d.getValue("candidates"));
          if (chosen == null || chosen.isEmpty() || candidates == null || candidates.size() == 0) {
            continue;
          }
          String first = chosen.getJsonObject(0).getString("offerId");
          double[] outcome = outcomes.get(rs.getString(1) + "|" + first);
          if (outcome == null) {
            continue;
          }
          rounds.add(round(candidates, first, revenue ? outcome[1] : outcome[0], target, revenue));
        }
      }
    } catch (SQLException | IllegalArgumentException e) {
      throw new InvalidInputException("unreadable_log", "cannot read " + db + ": " + e.getMessage(), "data-dir");
    }
    return rounds;
  }

  private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
      while (rs.next()) {
        if (column.equals(rs.getString("name"))) {
          return true;
        }
      }
      return false;
    }
  }

  private static LoggedRound round(LoggedCandidates candidates, String first, double reward, String target, boolean revenue) {
    int n = candidates.size();
    int best = 0;
    double bestScore = -1;
    double logged = 0;
    double predicted = 0;
    double[] p = new double[n];
    double[] q = new double[n];
    for (int i = 0; i < n; i++) {
      q[i] = candidates.acceptance()[i] * (revenue ? candidates.multiplier()[i] : 1);
      p[i] = candidates.firstProbability()[i];
      double score = candidates.acceptance()[i] * candidates.multiplier()[i];
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
      if (candidates.offerId()[i].equals(first)) {
        logged = p[i];
        predicted = q[i];
      }
    }
    double targetOfLogged = 0;
    double expected = 0;
    for (int i = 0; i < n; i++) {
      double t = switch (target) {
        case "greedy" -> i == best ? 1 : 0;
        case "uniform" -> 1.0 / n;
        default -> p[i];
      };
      expected += t * q[i];
      if (candidates.offerId()[i].equals(first)) {
        targetOfLogged = t;
      }
    }
    return new LoggedRound(reward, logged > 0 ? targetOfLogged / logged : 0, predicted, expected);
  }
}
