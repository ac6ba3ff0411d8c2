package io.kairos.engine.api;

import static io.kairos.engine.api.IdentityJourneyTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.DistributedObject;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.kairos.engine.TestEngines;
import io.kairos.engine.api.IdentityJourneyTest.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export and erasure against a real engine: after {@code DELETE /v1/profiles/{id}} no file in the
 * data directory and no grid map holds any of the person's identifiers or texts, a second person is
 * untouched, and a later event with an old identifier starts a fresh profile.
 */
class PrivacyJourneyTest {

  @TempDir Path dataDir;

  static final String TEXT = "My parcel from order Zq7731x arrived crushed and the support line never called back.";

  static JsonObject person(String suffix, String type, String text) {
    JsonObject e = new JsonObject().put("type", type).put("channel", "email")
        .put("identifiers", new JsonObject().put("anonymousId", "cookie-" + suffix).put("userId", "user-" + suffix)
            .put("email", "erin." + suffix + "@example.org").put("phone", "+44 20 7946 0958"));
    return text == null ? e : e.put("text", text);
  }

  @Test
  void exportThenEraseEverywhereThenStartFresh() throws Exception {
    try (TestEngines.Running engine = TestEngines.start(dataDir)) {
      int port = engine.port();
      JsonArray batch = new JsonArray()
          .add(person("gdpr", "page_view", null).put("messageId", "gdpr-msg-1"))
          .add(person("gdpr", "support_ticket", TEXT).put("consents", new JsonObject().put("marketing_email", "granted")))
          .add(new JsonObject().put("type", "identify").put("identifiers", new JsonObject().put("userId", "user-gdpr")
              .put("email", "erin at example dot org")).put("traits", new JsonObject().put("nickname", "Erin Gdprsdottir")));
      Response ingested = send(port, "POST", "/v1/events", new JsonObject().put("batch", batch));
      assertThat(ingested.status()).isEqualTo(202);
      String id = ingested.body().getJsonArray("profileIds").getString(0);
      String other = send(port, "POST", "/v1/events", new JsonObject().put("type", "page_view")
          .put("identifiers", new JsonObject().put("userId", "user-keep").put("email", "kim.keep@example.org")))
          .body().getJsonArray("profileIds").getString(0);
      JsonObject decision = send(port, "POST", "/v1/decide", new JsonObject().put("profileId", id).put("channel", "email")).body();
      String offer = decision.getJsonArray("offers").getJsonObject(0).getString("offerId");
      assertThat(send(port, "POST", "/v1/feedback", new JsonObject().put("decisionId", decision.getString("decisionId"))
          .put("offerId", offer).put("outcome", "click")).status()).isEqualTo(202);

      Response export = send(port, "GET", "/v1/profiles/" + id + "/export", null);
      assertThat(export.status()).isEqualTo(200);
      JsonObject all = export.body();
      assertThat(all.getJsonArray("events")).hasSize(3);
      assertThat(all.getJsonArray("events").getJsonObject(1).getString("text")).isEqualTo(TEXT);
      assertThat(all.getJsonArray("events").getJsonObject(1).getJsonObject("sentiment").getString("label")).isEqualTo("negative");
      assertThat(all.getJsonObject("profile").getJsonObject("identifiers").getJsonArray("phone")).containsExactly("+442079460958");
      assertThat(all.getJsonObject("profile").getJsonObject("invalidIdentifiers").getJsonArray("email"))
          .containsExactly("erin at example dot org");
      assertThat(all.getJsonObject("profile").getJsonObject("consents").getJsonObject("marketing_email").getString("status"))
          .isEqualTo("granted");
      assertThat(all.getJsonArray("decisions").getJsonObject(0).getJsonArray("feedback").getJsonObject(0).getString("outcome"))
          .isEqualTo("click");
      JsonObject logged = all.getJsonArray("decisions").getJsonObject(0).getJsonObject("decision");
      assertThat(logged.getString("decisionId")).isEqualTo(decision.getString("decisionId"));
      assertThat(logged.getJsonObject("candidates").getJsonArray("offerId")).as("the packed candidates, exported as JSON").contains(offer);

      Response erased = send(port, "DELETE", "/v1/profiles/" + id, null);
      assertThat(erased.status()).isEqualTo(200);
      JsonObject removed = erased.body().getJsonObject("removed");
      assertThat(removed).as(erased.body().encode()).isNotNull();
      assertThat(removed.getInteger("events")).isEqualTo(3);
      assertThat(removed.getInteger("decisions")).isEqualTo(1);
      assertThat(removed.getInteger("feedback")).isEqualTo(1);
      assertThat(removed.getInteger("identifierLinks")).isGreaterThanOrEqualTo(4);

      List<String> secrets = List.of(id, "cookie-gdpr", "user-gdpr", "erin.gdpr@example.org", "+442079460958",
          "erin at example dot org", "Zq7731x", "Gdprsdottir", "gdpr-msg-1");
      assertThat(filesHolding(dataDir, secrets)).as("files in the data directory still holding personal data").isEmpty();
      assertThat(mapEntriesHolding(secrets)).as("grid entries still holding personal data").isEmpty();

      assertThat(send(port, "GET", "/v1/profiles/" + id, null).status()).isEqualTo(404);
      assertThat(send(port, "GET", "/v1/profiles/" + id + "/export", null).status()).isEqualTo(404);
      assertThat(send(port, "DELETE", "/v1/profiles/" + id, null).status()).as("erasing twice").isEqualTo(404);
      assertThat(send(port, "DELETE", "/v1/profiles/never-seen", null).body().getJsonObject("error").getString("code"))
          .isEqualTo("profile_not_found");
      assertThat(send(port, "GET", IdentityJourneyTest.byIdentifier("email", "erin.gdpr@example.org"), null).status()).isEqualTo(404);
      assertThat(send(port, "POST", "/v1/feedback", new JsonObject().put("decisionId", decision.getString("decisionId"))
          .put("offerId", offer).put("outcome", "convert")).status()).as("feedback on an erased decision").isEqualTo(404);
      assertThat(send(port, "GET", "/v1/profiles/" + other, null).body().getJsonObject("counters").getLong("events")).isEqualTo(1);
    }

    try (TestEngines.Running again = TestEngines.start(dataDir)) {
      int port = again.port();
      assertThat(send(port, "GET", "/v1/profiles/" + "by/userId/user-gdpr", null).status()).as("not replayed back").isEqualTo(404);
      Response fresh = send(port, "POST", "/v1/events", new JsonObject().put("type", "page_view")
          .put("identifiers", new JsonObject().put("email", "Erin.GDPR@example.org")));
      String newId = fresh.body().getJsonArray("profileIds").getString(0);
      JsonObject profile = send(port, "GET", "/v1/profiles/" + newId, null).body();
      assertThat(profile.getJsonObject("counters").getLong("events")).isEqualTo(1);
      assertThat(profile.getJsonObject("traits")).isEmpty();
      assertThat(send(port, "GET", IdentityJourneyTest.byIdentifier("email", "kim.keep@example.org"), null).status()).isEqualTo(200);
    }
  }

  /**
   * What a person's feedback taught the offer models leaves with them: after six other people's outcomes, a person's three
   * accepts move the models, and erasing the person brings every model back to where the others left it (to rounding),
   * also after a restart.
   */
  @Test
  void erasureTakesThePersonsOutcomesOutOfTheOfferModels() throws Exception {
    JsonObject before;
    JsonObject erased;
    try (TestEngines.Running engine = TestEngines.start(dataDir)) {
      int port = engine.port();
      for (int i = 0; i < 6; i++) {
        decideAndAnswer(port, "user-other-" + i, i % 2 == 0 ? "accept" : "reject");
      }
      before = models(port);
      for (int i = 0; i < 3; i++) {
        decideAndAnswer(port, "user-erin", "accept");
      }
      assertThat(models(port)).as("the person's accepts moved the models").isNotEqualTo(before);
      String erin = send(port, "GET", IdentityJourneyTest.byIdentifier("userId", "user-erin"), null).body().getString("profileId");
      JsonObject exported = send(port, "GET", "/v1/profiles/" + erin + "/export", null).body();
      JsonObject feedback = exported.getJsonArray("decisions").getJsonObject(0).getJsonArray("feedback").getJsonObject(0);
      assertThat(feedback.getString("outcome")).isEqualTo("accept");
      JsonObject taught = feedback.getJsonObject("learned").getJsonObject("site");
      assertThat(taught.getBoolean("accepted")).as("the export shows what the feedback taught").isTrue();
      assertThat(taught.getJsonArray("x")).isNotEmpty();
      Response erasure = send(port, "DELETE", "/v1/profiles/" + erin, null);
      assertThat(erasure.status()).isEqualTo(200);
      assertThat(erasure.body().getJsonObject("removed").getInteger("learnedOutcomes")).isEqualTo(3);
      erased = models(port);
      assertSameModels(erased, before);
    }
    try (TestEngines.Running again = TestEngines.start(dataDir)) {
      assertSameModels(models(again.port()), erased);
    }
  }

  /** Decides for a known person on the web and sends an outcome for the first offer. */
  static void decideAndAnswer(int port, String userId, String outcome) {
    assertThat(send(port, "POST", "/v1/events", new JsonObject().put("type", "page_view")
        .put("identifiers", new JsonObject().put("userId", userId))).status()).isEqualTo(202);
    JsonObject decision = send(port, "POST", "/v1/decide", new JsonObject()
        .put("identifiers", new JsonObject().put("userId", userId)).put("channel", "web")).body();
    String offer = decision.getJsonArray("offers").getJsonObject(0).getString("offerId");
    Response feedback = send(port, "POST", "/v1/feedback", new JsonObject().put("decisionId", decision.getString("decisionId"))
        .put("offerId", offer).put("outcome", outcome));
    assertThat(feedback.status()).isEqualTo(202);
  }

  static JsonObject models(int port) {
    Response r = send(port, "GET", "/v1/admin/offers/models", null);
    assertThat(r.status()).isEqualTo(200);
    return r.body().getJsonObject("models");
  }

  /**
   * Every offer's model in {@code actual} has the observations of {@code expected} and its weights and standard deviations to
   * 1e-9; an offer {@code expected} lacks has learned nothing (the prior: no observations, weights 0).
   */
  static void assertSameModels(JsonObject actual, JsonObject expected) {
    for (String offer : actual.fieldNames()) {
      JsonObject a = actual.getJsonObject(offer);
      JsonObject e = expected.getJsonObject(offer);
      if (e == null) {
        assertThat(a.getLong("observations")).as(offer + " observations").isZero();
        a.getJsonArray("weights").forEach(w -> assertThat(((Number) w).doubleValue()).as(offer + " weight").isCloseTo(0,
            org.assertj.core.api.Assertions.within(1e-9)));
        continue;
      }
      assertThat(a.getLong("observations")).as(offer + " observations").isEqualTo(e.getLong("observations"));
      assertThat(a.getLong("positives")).as(offer + " positives").isEqualTo(e.getLong("positives"));
      for (String part : List.of("weights", "sd")) {
        for (int i = 0; i < e.getJsonArray(part).size(); i++) {
          assertThat(a.getJsonArray(part).getDouble(i)).as(offer + " " + part + " " + i)
              .isCloseTo(e.getJsonArray(part).getDouble(i), org.assertj.core.api.Assertions.within(1e-9));
        }
      }
    }
    assertThat(actual.fieldNames()).containsAll(expected.fieldNames());
  }

  /** Files under {@code dir} whose bytes contain any of the strings (UTF-8). */
  static List<String> filesHolding(Path dir, List<String> secrets) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        for (String s : secrets) {
          if (content.contains(new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))) {
            found.add(f.getFileName() + " holds " + s);
          }
        }
      }
    }
    return found;
  }

  /** Entries of every map of every Hazelcast member in this JVM whose key or value mentions any of the strings. */
  static List<String> mapEntriesHolding(List<String> secrets) {
    List<String> found = new ArrayList<>();
    for (HazelcastInstance member : Hazelcast.getAllHazelcastInstances()) {
      for (DistributedObject object : member.getDistributedObjects()) {
        if (object instanceof IMap<?, ?> map) {
          for (Map.Entry<?, ?> e : map.entrySet()) {
            String text = e.getKey() + " " + e.getValue();
            secrets.stream().filter(text::contains).forEach(s -> found.add(map.getName() + " holds " + s));
          }
        }
      }
    }
    return found;
  }
}
