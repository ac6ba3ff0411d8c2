package io.kairos.engine.evaluate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a target policy, given as its action shares per position, on a behaviour log in the
 * Open Bandit format. The reward model for DR is each (item, position)'s click rate shrunk toward
 * the log's overall rate, cross-fitted over two halves so no round's prediction saw its own click.
 */
final class ObdEvaluation {

  /** Pseudo-impressions of the overall click rate added to each (item, position) cell. */
  static final double SHRINKAGE = 500;

  private ObdEvaluation() {}

  static List<LoggedRound> rounds(ObdLog behaviour, Map<Integer, Map<Integer, Double>> target) {
    List<ObdLog.Row> rows = behaviour.rows();
    List<Map<Long, double[]>> cells = List.of(new HashMap<>(), new HashMap<>());
    double[] clicks = new double[2];
    double[] shown = new double[2];
    for (int i = 0; i < rows.size(); i++) {
      ObdLog.Row r = rows.get(i);
      int fold = i % 2;
      double[] c = cells.get(fold).computeIfAbsent(key(r.item(), r.position()), k -> new double[2]);
      c[0] += r.click();
      c[1]++;
      clicks[fold] += r.click();
      shown[fold]++;
    }
    List<LoggedRound> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      ObdLog.Row r = rows.get(i);
      int other = 1 - i % 2;
      double base = clicks[other] / shown[other];
      Map<Long, double[]> model = cells.get(other);
      Map<Integer, Double> shares = target.getOrDefault(r.position(), Map.of());
      double expected = 0;
      for (Map.Entry<Integer, Double> a : shares.entrySet()) {
        expected += a.getValue() * predict(model, a.getKey(), r.position(), base);
      }
      double weight = shares.getOrDefault(r.item(), 0.0) / r.propensity();
      out.add(new LoggedRound(r.click(), weight, predict(model, r.item(), r.position(), base), expected));
    }
    return out;
  }

  private static double predict(Map<Long, double[]> model, int item, int position, double base) {
    double[] c = model.get(key(item, position));
    return c == null ? base : (c[0] + SHRINKAGE * base) / (c[1] + SHRINKAGE);
  }

  private static long key(int item, int position) {
    return ((long) item << 8) | position;
  }
}
