package io.kairos.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairos.engine.TestEngines;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The website and call-center journeys over real HTTP on loopback, against a real engine:
 * embedded Hazelcast, SQLite on disk, the shipped sentiment and propensity models.
 */
@ExtendWith(VertxExtension.class)
class ApiJourneyTest {

  @TempDir static Path dataDir;
  static TestEngines.Running engine;
  static WebClient client;

  @BeforeAll
  static void start(Vertx vertx) {
    engine = TestEngines.start(dataDir);
    client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(engine.port()));
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  static HttpResponse<Buffer> post(String path, Object body) {
    return client.post(path).sendBuffer(Buffer.buffer(body.toString())).await();
  }

  static HttpResponse<Buffer> get(String path) {
    return client.get(path).send().await();
  }

  static JsonObject event(String type, String userId, String at) {
    return new JsonObject().put("type", type).put("timestamp", at).put("channel", "web")
        .put("identifiers", new JsonObject().put("userId", userId));
  }

  @Test
  void grafanaDashboardQueriesOnlyMetricsTheEngineExposes() throws Exception {
    post("/v1/events", event("page_view", "u-dash", "2026-11-23T10:00:00Z"));
    post("/v1/decide", new JsonObject().put("identifiers", new JsonObject().put("userId", "u-dash")).put("channel", "web"));
    System.gc();
    String scrape = get("/metrics").bodyAsString();
    String dashboard = java.nio.file.Files.readString(TestEngines.home().resolve("config/grafana-dashboard.json"));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b((?:kairos|jvm|process|system)_[a-z_]+)\\b").matcher(dashboard);
    java.util.Set<String> names = new java.util.TreeSet<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    assertThat(names).hasSizeGreaterThan(15);
    for (String name : names) {
      assertThat(scrape).as("dashboard metric %s in /metrics", name).containsPattern("(?m)^" + name + "[{ ]");
    }
  }

  @Test
  void websiteJourneyIngestProfileDecideFeedback() {
    JsonObject first = new JsonObject("""
        {"type": "product_view", "messageId": "m-1", "timestamp": "2026-11-23T10:00:00Z", "channel": "web",
         "identifiers": {"anonymousId": "a-web-1", "userId": "u-web-1", "email": "Ann.Web@Example.com", "phone": "+40 721 000 001"},
         "properties": {"productId": "p-9", "category": "shoes", "price": 59.9}}""");
    HttpResponse<Buffer> r = post("/v1/events", first);
    assertThat(r.statusCode()).isEqualTo(202);
    String profileId = r.bodyAsJsonObject().getJsonArray("profileIds").getString(0);
    assertThat(r.bodyAsJsonObject().getInteger("accepted")).isEqualTo(1);

    JsonArray batch = new JsonArray()
        .add(event("add_to_cart", "u-web-1", "2026-11-23T10:03:00Z")
            .put("properties", new JsonObject().put("productId", "p-9").put("price", 59.9).put("quantity", 2)))
        .add(event("review", "u-web-1", "2026-11-23T10:05:00Z")
            .put("text", "Terrible quality, the sole fell off after two days. Very disappointed."))
        .add(event("identify", "u-web-1", "2026-11-23T10:06:00Z").put("traits", new JsonObject().put("tier", "gold")));
    r = post("/v1/events", new JsonObject().put("batch", batch));
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(r.bodyAsJsonObject().getJsonArray("profileIds")).containsExactly(profileId);

    JsonObject profile = get("/v1/profiles/" + profileId).bodyAsJsonObject();
    assertThat(profile.getJsonObject("counters").getLong("events")).isEqualTo(4);
    assertThat(profile.getJsonObject("cart").getDouble("value")).isEqualTo(119.8);
    assertThat(profile.getJsonObject("traits").getString("tier")).isEqualTo("gold");
    assertThat(profile.getJsonObject("sentiment").getString("lastLabel")).isEqualTo("negative");
    assertThat(profile.getJsonObject("sentiment").getDouble("lastScore")).isLessThan(0);
    JsonObject propensity = profile.getJsonObject("propensity");
    assertThat(propensity.getString("model")).startsWith("propensity@");
    assertThat(propensity.getDouble("score")).isBetween(0.0, 1.0);
    assertThat(profile.getJsonArray("recentInteractions").getJsonObject(0).getString("type")).isEqualTo("identify");

    // Lookup by any identifier, in another formatting.
    assertThat(get("/v1/profiles/by/phone/+40721000001").bodyAsJsonObject().getString("profileId")).isEqualTo(profileId);
    assertThat(get("/v1/profiles/by/email/ann.web@example.com").bodyAsJsonObject().getString("profileId")).isEqualTo(profileId);

    r = post("/v1/decide", new JsonObject().put("profileId", profileId).put("channel", "web").put("placement", "cart").put("limit", 2));
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject decision = r.bodyAsJsonObject();
    assertThat(decision.getString("decisionId")).isNotBlank();
    JsonObject top = decision.getJsonArray("offers").getJsonObject(0);
    assertThat(top.getString("offerId")).isEqualTo("cart-saver-10");
    assertThat(top.getDouble("propensity")).isEqualTo(propensity.getDouble("score"));
    assertThat(top.getDouble("score")).isEqualTo(propensity.getDouble("score") * 40.0);
    assertThat(top.getJsonArray("reasons").encode()).contains("profile.cartValue > 0");

    r = post("/v1/feedback", new JsonObject().put("decisionId", decision.getString("decisionId"))
        .put("offerId", "cart-saver-10").put("outcome", "click"));
    assertThat(r.statusCode()).isEqualTo(202);
    r = post("/v1/feedback", new JsonObject().put("decisionId", decision.getString("decisionId"))
        .put("offerId", "vip-early-access").put("outcome", "click"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getJsonObject("error").getString("field")).isEqualTo("offerId");
    assertThat(post("/v1/feedback", new JsonObject().put("decisionId", "nope").put("offerId", "x").put("outcome", "click"))
        .statusCode()).isEqualTo(404);
  }

  @Test
  void callCenterJourneyByPhoneWithComplaint() {
    JsonObject note = new JsonObject().put("type", "call_note").put("channel", "call_center")
        .put("identifiers", new JsonObject().put("userId", "u-cc-1").put("phone", "+44 20 7946 0018"))
        .put("text", "Customer is angry: the order arrived broken and support never answered. Awful experience.");
    assertThat(post("/v1/events", note).statusCode()).isEqualTo(202);
    HttpResponse<Buffer> r = post("/v1/decide", new JsonObject().put("identifiers", new JsonObject().put("phone", "+44 (20) 7946-0018"))
        .put("channel", "call_center"));
    assertThat(r.statusCode()).isEqualTo(200);
    JsonArray offers = r.bodyAsJsonObject().getJsonArray("offers");
    assertThat(offers.getJsonObject(0).getString("offerId")).isEqualTo("win-back-call");
    assertThat(r.bodyAsJsonObject().getJsonArray("excluded").encode()).contains("not offered on channel call_center");
    assertThat(offers.getJsonObject(0).getJsonArray("reasons")).isNotEmpty();

    JsonObject brief = post("/v1/decide", new JsonObject().put("identifiers", new JsonObject().put("phone", "+44 20 7946 0018"))
        .put("channel", "call_center").put("explain", false)).bodyAsJsonObject();
    assertThat(brief.getJsonArray("offers").getJsonObject(0).getString("offerId")).isEqualTo("win-back-call");
    assertThat(brief.containsKey("excluded")).as("no explanation asked for").isFalse();
    assertThat(brief.getJsonArray("offers").getJsonObject(0).containsKey("reasons")).isFalse();
    HttpResponse<Buffer> wrongType = post("/v1/decide", new JsonObject().put("identifiers", new JsonObject().put("phone", "+44 20 7946 0018"))
        .put("channel", "call_center").put("explain", "no"));
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(wrongType.bodyAsJsonObject().getJsonObject("error").getString("field")).isEqualTo("explain");
  }

  @Test
  void textEventsInEveryShippedLanguageGetTheirLanguageAndSentimentInTheProfile() throws Exception {
    // One complaint and one compliment per shipped language, each from its own person.
    List<String> lines;
    try (var in = ApiJourneyTest.class.getResourceAsStream("/sentiment-pairs.tsv")) {
      lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    }
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      String lang = f[0];
      double complaint = postedTextScore("u-lang-neg-" + lang, f[1], lang);
      double compliment = postedTextScore("u-lang-pos-" + lang, f[2], lang);
      assertThat(complaint).as(lang + " complaint").isNegative();
      assertThat(compliment).as(lang + " compliment").isPositive();
    }
  }

  /** Posts a review by a new person and returns the sentiment score their profile shows. */
  private double postedTextScore(String userId, String text, String expectedLanguage) {
    JsonObject event = new JsonObject().put("type", "review").put("channel", "web")
        .put("identifiers", new JsonObject().put("userId", userId)).put("text", text);
    assertThat(post("/v1/events", event).statusCode()).isEqualTo(202);
    JsonObject sentiment = get("/v1/profiles/by/userId/" + userId).bodyAsJsonObject().getJsonObject("sentiment");
    assertThat(sentiment.getString("language")).as(text).isEqualTo(expectedLanguage);
    assertThat(sentiment.getString("lastLabel")).as(text).isIn("negative", "neutral", "positive");
    return sentiment.getDouble("lastScore");
  }

  @Test
  void textInAnyShippedLanguageIsScoredAndAComplaintSuppressesUpsell() {
    JsonArray batch = new JsonArray();
    for (int i = 0; i < 3; i++) {
      batch.add(new JsonObject().put("type", "purchase").put("channel", "web")
          .put("identifiers", new JsonObject().put("userId", "u-fr-1")).put("properties", new JsonObject().put("total", 200.0)));
    }
    assertThat(post("/v1/events", new JsonObject().put("batch", batch)).statusCode()).isEqualTo(202);
    JsonObject before = post("/v1/decide", new JsonObject().put("identifiers", new JsonObject().put("userId", "u-fr-1"))
        .put("channel", "call_center")).bodyAsJsonObject();
    assertThat(before.getJsonArray("offers").encode()).contains("vip-early-access");

    JsonObject complaint = new JsonObject().put("type", "support_ticket").put("channel", "email")
        .put("identifiers", new JsonObject().put("userId", "u-fr-1"))
        .put("text", "Service horrible, colis arrivé cassé et personne ne répond. Je suis très déçu, je ne recommande pas.");
    assertThat(post("/v1/events", complaint).statusCode()).isEqualTo(202);
    JsonObject profile = get("/v1/profiles/by/userId/u-fr-1").bodyAsJsonObject();
    JsonObject sentiment = profile.getJsonObject("sentiment");
    assertThat(sentiment.getString("language")).isEqualTo("fr");
    assertThat(sentiment.getString("lastLabel")).isEqualTo("negative");
    assertThat(sentiment.getJsonObject("byChannel").getDouble("email")).isLessThan(0);
    assertThat(sentiment.getJsonObject("lastNegative").getString("channel")).isEqualTo("email");
    assertThat(sentiment.getJsonObject("lastNegative").getString("text")).startsWith("Service horrible");

    JsonObject after = post("/v1/decide", new JsonObject().put("identifiers", new JsonObject().put("userId", "u-fr-1"))
        .put("channel", "call_center")).bodyAsJsonObject();
    assertThat(after.getJsonArray("offers").getJsonObject(0).getString("offerId")).isEqualTo("win-back-call");
    assertThat(after.getJsonArray("excluded").encode()).contains("vip-early-access").contains("hoursSinceNegative");
  }

  @Test
  void unknownPersonGetsDefaultOffersNotAnError() {
    HttpResponse<Buffer> r = post("/v1/decide", new JsonObject().put("profileId", "never-seen").put("channel", "web"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyAsJsonObject().getValue("profileId")).isNull();
    assertThat(r.bodyAsJsonObject().getJsonArray("offers")).isNotEmpty();
    assertThat(r.bodyAsJsonObject().getString("propensitySource")).contains("non-personalized");
  }

  @Test
  void badInputGetsJsonErrorsAndARejectedBatchAppliesNothing() {
    assertError(post("/v1/events", "{\"type\": "), 400, "invalid_json", null);
    assertError(post("/v1/events", new JsonObject().put("batch", new JsonArray())), 400, "empty_batch", "batch");
    JsonArray tooMany = new JsonArray();
    for (int i = 0; i < 1001; i++) {
      tooMany.add(event("page_view", "u-many", "2026-11-23T10:00:00Z"));
    }
    assertError(post("/v1/events", new JsonObject().put("batch", tooMany)), 413, "batch_too_large", "batch");
    assertError(post("/v1/events", event("review", "u-x", "2026-11-23T10:00:00Z").put("text", "bad ".repeat(3000))), 413,
        "text_too_large", "text");
    assertError(post("/v1/events", "{\"batch\": [" + "\"x\",".repeat(1_200_000) + "\"x\"]}"), 413, "payload_too_large", null);
    assertError(post("/v1/events", event("page_view", "u-x", "2026-11-23T10:00:00Z").put("properties", 5)), 400,
        "invalid_event", "properties");

    JsonArray mixed = new JsonArray().add(event("page_view", "u-atomic", "2026-11-23T10:00:00Z"))
        .add(event("page_view", "u-atomic", "2026-11-23T10:00:00Z").put("identifiers", new JsonObject()));
    assertError(post("/v1/events", new JsonObject().put("batch", mixed)), 400, "no_valid_identifier", "batch[1].identifiers");
    assertError(get("/v1/profiles/by/userId/u-atomic"), 404, "profile_not_found", null);

    assertError(get("/v1/profiles/does-not-exist"), 404, "profile_not_found", null);
    assertError(post("/v1/decide", new JsonObject().put("channel", "web")), 400, "invalid_request", "profileId");
    assertError(post("/v1/decide", new JsonObject().put("profileId", "p").put("channel", "web").put("limit", 0)), 400,
        "invalid_request", "limit");
    assertError(get("/v1/nothing-here"), 404, "not_found", null);
  }

  @Test
  void healthAndMetrics() {
    JsonObject health = get("/health").bodyAsJsonObject();
    assertThat(health.getBoolean("ready")).isTrue();
    assertThat(health.getJsonObject("checks").getString("propensityModel")).startsWith("propensity@");
    assertThat(health.getJsonObject("checks").getString("sentimentModel")).startsWith("sentiment[").contains("en", "fr", "ar");
    post("/v1/events", event("page_view", "u-metrics", "2026-11-23T10:00:00Z"));
    String metrics = get("/metrics").bodyAsString();
    assertThat(metrics).contains("kairos_request_seconds{route=\"ingest\",quantile=\"0.99\"}")
        .contains("kairos_stage_seconds_count{stage=\"store_append\"}")
        .contains("jvm_memory_used_bytes")
        .contains("kairos_model_loaded{model=\"propensity\"");
  }

  static void assertError(HttpResponse<Buffer> r, int status, String code, String field) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    assertThat(r.getHeader("content-type")).isEqualTo("application/json");
    JsonObject error = r.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo(code);
    assertThat(error.getString("message")).isNotBlank();
    if (field != null) {
      assertThat(error.getString("field")).isEqualTo(field);
    }
  }
}
