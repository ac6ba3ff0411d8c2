package io.kairos.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairos.engine.TestEngines;
import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.enrich.SpecialDays;
import io.kairos.engine.profile.ProfileRules;
import io.kairos.engine.store.SqliteDatabase;
import io.kairos.engine.store.SqliteEventLog;
import io.kairos.engine.store.SqliteMergeLog;
import io.kairos.models.BinaryMetrics;
import io.kairos.models.CsvTable;
import io.kairos.models.DjlPropensityModel;
import io.kairos.models.FeatureSpec;
import io.kairos.models.Hyperparameters;
import io.kairos.models.PropensityTrainer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retraining on the engine's own history, end to end: a generated two-month history is ingested
 * over HTTP, a training set is cut at T1 (features before T1, purchases in the 14 days after), a
 * model is trained on it and evaluated on the later window cut at T2 = T1 + 14 days. Ingesting the
 * events after T1 (including logins that merge two devices) must not change any T1 feature row.
 */
class HistoryTrainingTest {

  static final Instant START = Instant.parse("2026-08-03T00:00:00Z");
  static final Instant T1 = START.plus(Duration.ofDays(30));
  static final Instant T2 = T1.plus(Duration.ofDays(14));
  static final Duration HORIZON = Duration.ofDays(14);

  @TempDir Path dataDir;
  @TempDir Path work;

  /** A shopper with a hidden intent that drives browsing depth, carts and purchases; two devices, one login after T1. */
  static List<JsonObject> history(int people, long seed) {
    Random random = new Random(seed);
    List<JsonObject> events = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      double intent = random.nextDouble();
      for (int day = 0; day < 60; day++) {
        if (random.nextDouble() > 0.08 + 0.25 * intent) {
          continue;
        }
        String device = (day % 2 == 0 ? "anon-a-" : "anon-b-") + i;
        Instant t = START.plus(Duration.ofDays(day)).plusSeconds(8 * 3600 + random.nextInt(10 * 3600));
        int views = 1 + random.nextInt(1 + (int) (8 * intent));
        for (int v = 0; v < views; v++) {
          events.add(event(v % 4 == 3 ? "page_view" : "product_view", t, device, null, "p" + random.nextInt(50), 0));
          t = t.plusSeconds(20 + random.nextInt(120));
        }
        if (random.nextDouble() < intent * 0.8) {
          events.add(event("add_to_cart", t, device, null, "p" + random.nextInt(50), 20 + random.nextInt(80)));
          t = t.plusSeconds(30);
          if (random.nextDouble() < intent * 0.7) {
            events.add(event("purchase", t, device, null, null, 60));
          }
        }
      }
      if (i % 3 == 0) { // a login after T1 that links both devices: a merge the T1 features must not see
        Instant login = T1.plus(Duration.ofDays(2)).plusSeconds(i * 60L);
        JsonObject e = event("identify", login, "anon-a-" + i, "user-" + i, null, 0);
        e.getJsonObject("identifiers").put("anonymousId", "anon-b-" + i);
        events.add(event("identify", login.minusSeconds(1), "anon-a-" + i, "user-" + i, null, 0));
        events.add(e.put("type", "identify"));
      }
    }
    events.sort(Comparator.comparing(e -> e.getString("timestamp")));
    return events;
  }

  static JsonObject event(String type, Instant at, String anonymousId, String userId, String productId, double price) {
    JsonObject ids = new JsonObject().put("anonymousId", anonymousId);
    if (userId != null) {
      ids.put("userId", userId);
    }
    JsonObject props = new JsonObject();
    if (productId != null) {
      props.put("productId", productId);
    }
    if (price > 0) {
      props.put("price", price).put("quantity", 1).put("total", price);
    }
    return new JsonObject().put("type", type).put("timestamp", at.toString()).put("channel", "web").put("identifiers", ids)
        .put("properties", props);
  }

  void ingest(List<JsonObject> events) {
    Vertx vertx = Vertx.vertx();
    try (TestEngines.Running engine = TestEngines.start(dataDir)) {
      WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(engine.port()));
      for (int start = 0; start < events.size(); start += 500) {
        JsonArray batch = new JsonArray(new ArrayList<>(events.subList(start, Math.min(events.size(), start + 500))));
        int status = client.post("/v1/events").sendJsonObject(new JsonObject().put("batch", batch)).await().statusCode();
        assertThat(status).isEqualTo(202);
      }
    } finally {
      vertx.close().await();
    }
  }

  HistoryDataset.Result dataset(Instant cutoff) {
    KairosConfig c = TestEngines.config(dataDir, Map.of());
    try (SqliteDatabase db = new SqliteDatabase(dataDir, false,
        Stream.of(SqliteEventLog.SCHEMA, SqliteMergeLog.SCHEMA).flatMap(List::stream).toList())) {
      return HistoryDataset.build(new SqliteEventLog(db), new SqliteMergeLog(db),
          new ProfileRules(c.grid().recentInteractions(), c.grid().sessionTimeoutMinutes() * 60_000L),
          new SpecialDays(c.models().occasions()), cutoff, HORIZON, Duration.ofDays(30));
    }
  }

  static Map<String, Map<String, Object>> features(HistoryDataset.Result r) {
    Map<String, Map<String, Object>> out = new HashMap<>();
    for (int i = 0; i < r.rows().size(); i++) {
      Map<String, Object> row = new HashMap<>(r.rows().get(i));
      row.remove(HistoryDataset.LABEL);
      out.put(r.profileIds().get(i), row);
    }
    return out;
  }

  @Test
  void trainOnOneWindowEvaluateOnTheNextWithoutLeakage() throws Exception {
    List<JsonObject> all = history(400, 11);
    List<JsonObject> beforeT1 = all.stream().filter(e -> Instant.parse(e.getString("timestamp")).isBefore(T1)).toList();
    ingest(beforeT1);
    HistoryDataset.Result early = dataset(T1);
    assertThat(early.positives()).as("nobody has bought after T1 yet").isZero();

    ingest(all.subList(beforeT1.size(), all.size()));
    try (SqliteDatabase db = new SqliteDatabase(dataDir, false, SqliteMergeLog.SCHEMA)) {
      assertThat(new SqliteMergeLog(db).all()).as("the logins after T1 merged devices").hasSizeGreaterThan(50);
    }
    HistoryDataset.Result train = dataset(T1);
    assertThat(features(train)).as("events and merges after T1 change no T1 feature").isEqualTo(features(early));
    assertThat(train.positives()).isBetween(20, train.rows().size() - 20);

    HistoryDataset.Result later = dataset(T2);
    Path trainCsv = work.resolve("train.csv");
    Path testCsv = work.resolve("test.csv");
    HistoryDataset.writeCsv(train, trainCsv);
    HistoryDataset.writeCsv(later, testCsv);
    CsvTable table = CsvTable.read(trainCsv);
    FeatureSpec spec = FeatureSpec.infer(table, HistoryDataset.LABEL, Set.of(), Set.of());
    Hyperparameters hp = new Hyperparameters(List.of(16), 40, 5, 32, 3e-3f, 1e-3f, 1f, 0.25, 5L, 1);
    Path model = work.resolve("model");
    new PropensityTrainer().train(table, spec, hp, Map.of("file", "train.csv", "rows", table.size()), model);
    CsvTable test = CsvTable.read(testCsv);
    try (DjlPropensityModel m = DjlPropensityModel.load(model)) {
      BinaryMetrics metrics = BinaryMetrics.of(test.labels(HistoryDataset.LABEL), m.scoreAll(test.rowLookups()), m.descriptor().threshold());
      assertThat(metrics.auc()).as("AUC on the later window").isGreaterThan(0.7);
    }
  }
}
