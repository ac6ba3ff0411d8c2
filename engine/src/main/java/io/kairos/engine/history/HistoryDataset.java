package io.kairos.engine.history;

import io.kairos.engine.enrich.ProfileFeatures;
import io.kairos.engine.enrich.SpecialDays;
import io.kairos.engine.ingest.EventJson;
import io.kairos.engine.ingest.EventReplay;
import io.kairos.engine.profile.Profile;
import io.kairos.engine.profile.ProfileChange;
import io.kairos.engine.profile.ProfileRules;
import io.kairos.engine.profile.ProfileUpdater;
import io.kairos.engine.store.EventLog;
import io.kairos.engine.store.MergeLog;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds a propensity training set from the event history. For a cut-off time T and a horizon H:
 * every profile seen within the look-back before T is one row; its features are those the live
 * engine would have computed at T (events with a timestamp before T, folded with the live
 * {@link ProfileUpdater}, and only the merges whose linking event came before T); its label is
 * whether the same person (after every merge, since identity learned later does not leak features)
 * made a purchase in [T, T + H). Time is event time: a late event counts when it happened.
 */
public final class HistoryDataset {

  public static final String LABEL = "Purchased";

  /** The rows, their profile ids (as of the cut-off) in the same order, and the window. */
  public record Result(Instant cutoff, Duration horizon, List<String> profileIds, List<Map<String, Object>> rows, int positives,
      long eventsBeforeCutoff) {}

  private HistoryDataset() {}

  public static Result build(EventLog log, MergeLog mergeLog, ProfileRules rules, SpecialDays specialDays, Instant cutoff,
      Duration horizon, Duration lookback) {
    long t = cutoff.toEpochMilli();
    long end = cutoff.plus(horizon).toEpochMilli();
    List<MergeLog.MergeRecord> merges = mergeLog.all().stream().filter(MergeLog.MergeRecord::merged).toList();
    Set<String> linkingIds = new HashSet<>();
    merges.forEach(m -> linkingIds.add(m.messageId()));
    Map<String, Long> linkingTimes = new HashMap<>();
    Map<String, Profile> state = new HashMap<>();
    Set<String> buyers = new HashSet<>();
    long[] before = {0};
    log.replay(row -> {
      if (linkingIds.contains(row.messageId())) {
        linkingTimes.put(row.messageId(), row.timestamp());
      }
      if (row.timestamp() < t) {
        before[0]++;
        Profile current = state.computeIfAbsent(row.profileId(), Profile::empty);
        state.put(row.profileId(), ProfileUpdater.apply(current, ProfileChange.of(EventJson.fromJson(new JsonObject(row.body()))), rules));
      } else if (row.timestamp() < end && "purchase".equals(row.type())) {
        buyers.add(row.profileId());
      }
    });
    EventReplay.applyMerges(merges.stream().filter(m -> linkingTimes.getOrDefault(m.messageId(), Long.MAX_VALUE) < t).toList(),
        state, rules, new HashSet<>());
    Map<String, String> finalOwner = new HashMap<>();
    merges.forEach(m -> finalOwner.put(m.mergedId(), m.survivorId()));
    Set<String> buyingPeople = new HashSet<>();
    buyers.forEach(b -> buyingPeople.add(person(finalOwner, b)));

    long since = cutoff.minus(lookback).toEpochMilli();
    List<String> ids = new ArrayList<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    int positives = 0;
    for (Profile p : state.values()) {
      if (p.isTombstone() || p.lastSeen() < since) {
        continue;
      }
      Function<String, Object> features = ProfileFeatures.of(p, specialDays);
      Map<String, Object> row = new HashMap<>();
      for (String column : ProfileFeatures.COLUMNS) {
        row.put(column, features.apply(column));
      }
      boolean bought = buyingPeople.contains(person(finalOwner, p.profileId()));
      row.put(LABEL, bought);
      positives += bought ? 1 : 0;
      ids.add(p.profileId());
      rows.add(row);
    }
    return new Result(cutoff, horizon, ids, rows, positives, before[0]);
  }

  /** The id a profile id ends up as after every recorded merge. */
  private static String person(Map<String, String> owner, String id) {
    String current = id;
    for (int hops = 0; owner.containsKey(current) && hops < 1000; hops++) {
      current = owner.get(current);
    }
    return current;
  }

  /** Writes the rows as CSV: the feature columns, then {@link #LABEL}. */
  public static void writeCsv(Result result, Path out) throws IOException {
    List<String> header = new ArrayList<>(ProfileFeatures.COLUMNS);
    header.add(LABEL);
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write(String.join(",", header));
      w.write('\n');
      for (Map<String, Object> row : result.rows()) {
        List<String> cells = new ArrayList<>(header.size());
        for (String column : header) {
          Object v = row.get(column);
          cells.add(v == null ? "" : String.valueOf(v));
        }
        w.write(String.join(",", cells));
        w.write('\n');
      }
    }
  }
}
