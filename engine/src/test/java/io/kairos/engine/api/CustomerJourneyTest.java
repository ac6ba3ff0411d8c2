package io.kairos.engine.api;

import static io.kairos.engine.api.IdentityJourneyTest.byIdentifier;
import static io.kairos.engine.api.IdentityJourneyTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.kairos.engine.TestEngines;
import io.kairos.engine.api.IdentityJourneyTest.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The identity issue's scripted journey against a real engine: anonymous browsing on two devices,
 * login on both (a merge), a call-center lookup by phone, a refused merge, consent withdrawal
 * changing the next decision, export, a restart, erasure and a fresh start; and events racing a
 * merge from many threads, each counted once.
 */
class CustomerJourneyTest {

  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir Path dataDir;

  static JsonObject event(String type, String channel, JsonObject ids) {
    return new JsonObject().put("type", type).put("channel", channel).put("identifiers", ids);
  }

  static JsonObject ids(String... pairs) {
    JsonObject o = new JsonObject();
    for (int i = 0; i < pairs.length; i += 2) {
      o.put(pairs[i], pairs[i + 1]);
    }
    return o;
  }

  static String profileOf(Response r) {
    assertThat(r.status()).as(r.body().encode()).isEqualTo(202);
    return r.body().getJsonArray("profileIds").getString(0);
  }

  @Test
  void twoDevicesLoginMergeLookupRefusalConsentExportRestartEraseFreshStart() throws Exception {
    String survivor;
    String mergedAway;
    try (TestEngines.Running engine = TestEngines.start(dataDir)) {
      int port = engine.port();
      String phone = profileOf(send(port, "POST", "/v1/events", new JsonObject().put("batch", new JsonArray()
          .add(event("page_view", "app", ids("anonymousId", "phone-cookie")))
          .add(event("add_to_cart", "app", ids("anonymousId", "phone-cookie"))
              .put("properties", new JsonObject().put("productId", "sku-1").put("price", 30))))));
      String laptop = profileOf(send(port, "POST", "/v1/events", new JsonObject().put("batch", new JsonArray()
          .add(event("product_view", "web", ids("anonymousId", "laptop-cookie")))
          .add(event("product_view", "web", ids("anonymousId", "laptop-cookie"))))));
      assertThat(phone).isNotEqualTo(laptop);

      String afterLaptopLogin = profileOf(send(port, "POST", "/v1/events", event("login", "web",
          ids("userId", "u-ann", "anonymousId", "laptop-cookie", "email", "Ann@Example.com", "phone", "(415) 555-0142"))));
      assertThat(afterLaptopLogin).as("login joins the laptop's profile").isEqualTo(laptop);
      survivor = profileOf(send(port, "POST", "/v1/events", event("login", "app", ids("userId", "u-ann", "anonymousId", "phone-cookie"))
          .put("messageId", "login-on-phone")));
      mergedAway = survivor.equals(phone) ? laptop : phone;
      assertThat(survivor).as("the smaller id survives").isEqualTo(phone.compareTo(laptop) < 0 ? phone : laptop);

      JsonObject agent = send(port, "GET", byIdentifier("phone", "415.555.0142"), null).body();
      assertThat(agent.getString("profileId")).isEqualTo(survivor);
      assertThat(agent.getJsonObject("counters").getLong("events")).as("2 + 2 + login + login, none twice").isEqualTo(6);
      assertThat(agent.getJsonObject("identifiers").getJsonArray("anonymousId")).containsExactlyInAnyOrder("phone-cookie",
          "laptop-cookie");
      assertThat(agent.getJsonObject("cart").getDouble("value")).isEqualTo(30.0);
      assertThat(send(port, "GET", "/v1/profiles/" + mergedAway, null).body().getString("profileId"))
          .as("the merged-away id redirects").isEqualTo(survivor);
      assertThat(send(port, "GET", byIdentifier("anonymousId", "phone-cookie"), null).body().getString("profileId")).isEqualTo(survivor);

      String bob = profileOf(send(port, "POST", "/v1/events", event("login", "web", ids("userId", "u-bob", "anonymousId", "bob-cookie"))));
      String stays = profileOf(send(port, "POST", "/v1/events", event("page_view", "web",
          ids("userId", "u-ann", "anonymousId", "bob-cookie"))));
      assertThat(stays).as("Ann on Bob's browser: the two accounts are not merged").isEqualTo(survivor);
      assertThat(send(port, "GET", byIdentifier("anonymousId", "bob-cookie"), null).body().getString("profileId")).isEqualTo(bob);

      JsonObject web = new JsonObject().put("identifiers", ids("phone", "+1 415 555 0142")).put("channel", "web").put("placement", "cart");
      assertThat(offerIds(send(port, "POST", "/v1/decide", web).body())).contains("cart-saver-10");
      assertThat(send(port, "PUT", "/v1/profiles/" + mergedAway + "/consents",
          new JsonObject().put("consents", new JsonObject().put("personalization", "denied")).put("source", "call_center")).status())
          .isEqualTo(200);
      JsonObject withdrawn = send(port, "POST", "/v1/decide", web).body();
      assertThat(offerIds(withdrawn)).doesNotContain("cart-saver-10");
      assertThat(withdrawn.getJsonArray("consent").getString(0)).startsWith("personalization denied (call_center");

      JsonObject export = send(port, "GET", "/v1/profiles/" + mergedAway + "/export", null).body();
      assertThat(export.getString("profileId")).isEqualTo(survivor);
      assertThat(export.getJsonArray("profileIds")).containsExactlyInAnyOrder(survivor, mergedAway);
      assertThat(export.getJsonArray("events")).hasSize(8);
      List<JsonObject> merges = export.getJsonArray("merges").stream().map(JsonObject.class::cast).toList();
      assertThat(merges).anySatisfy(m -> {
        assertThat(m.getBoolean("merged")).isTrue();
        assertThat(m.getString("mergedId")).isEqualTo(mergedAway);
        assertThat(m.getString("messageId")).isEqualTo("login-on-phone");
      });
      assertThat(merges).anySatisfy(m -> {
        assertThat(m.getBoolean("merged")).isFalse();
        assertThat(m.getString("reason")).contains("different userId");
      });
    }

    try (TestEngines.Running again = TestEngines.start(dataDir)) {
      int port = again.port();
      JsonObject replayed = send(port, "GET", "/v1/profiles/" + mergedAway, null).body();
      assertThat(replayed.getString("profileId")).as("the merge survives a restart").isEqualTo(survivor);
      assertThat(replayed.getJsonObject("counters").getLong("events")).isEqualTo(8);
      assertThat(replayed.getJsonObject("consents").getJsonObject("personalization").getString("status")).isEqualTo("denied");
      assertThat(send(port, "GET", byIdentifier("userId", "u-ann"), null).body().getString("profileId")).isEqualTo(survivor);

      Response erased = send(port, "DELETE", "/v1/profiles/" + survivor, null);
      assertThat(erased.body().getJsonObject("removed").getInteger("profiles")).isEqualTo(2);
      assertThat(erased.body().getJsonObject("removed").getInteger("events")).isEqualTo(8);
      List<String> secrets = List.of(survivor, mergedAway, "phone-cookie", "laptop-cookie", "u-ann", "ann@example.com", "+14155550142",
          "login-on-phone");
      assertThat(PrivacyJourneyTest.filesHolding(dataDir, secrets)).isEmpty();
      assertThat(PrivacyJourneyTest.mapEntriesHolding(secrets)).isEmpty();
      assertThat(send(port, "GET", "/v1/profiles/" + mergedAway, null).status()).isEqualTo(404);
      assertThat(send(port, "GET", byIdentifier("anonymousId", "bob-cookie"), null).status()).as("Bob is untouched").isEqualTo(200);

      String fresh = profileOf(send(port, "POST", "/v1/events", event("page_view", "web", ids("email", "ANN@example.com"))));
      assertThat(fresh).isNotIn(survivor, mergedAway);
      assertThat(send(port, "GET", "/v1/profiles/" + fresh, null).body().getJsonObject("counters").getLong("events")).isEqualTo(1);
    }
  }

  @Test
  void eventsRacingAMergeFromManyThreadsCountOnce() throws Exception {
    try (TestEngines.Running engine = TestEngines.start(dataDir)) {
      int port = engine.port();
      profileOf(send(port, "POST", "/v1/events", event("page_view", "app", ids("anonymousId", "race-a"))));
      profileOf(send(port, "POST", "/v1/events", event("page_view", "web", ids("anonymousId", "race-b"))));
      List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
      int perCookie = 60;
      for (int i = 0; i < perCookie; i++) {
        for (String cookie : List.of("race-a", "race-b")) {
          sent.add(post(port, event("page_view", "web", ids("anonymousId", cookie))));
        }
        if (i == perCookie / 3) {
          sent.add(post(port, event("login", "web", ids("userId", "u-race", "anonymousId", "race-a"))));
        }
        if (i == perCookie / 2) {
          sent.add(post(port, event("login", "app", ids("userId", "u-race", "anonymousId", "race-b"))));
        }
      }
      for (CompletableFuture<HttpResponse<String>> f : sent) {
        assertThat(f.get().statusCode()).as(f.get().body()).isEqualTo(202);
      }
      JsonObject a = send(port, "GET", byIdentifier("anonymousId", "race-a"), null).body();
      JsonObject b = send(port, "GET", byIdentifier("anonymousId", "race-b"), null).body();
      assertThat(a.getString("profileId")).isEqualTo(b.getString("profileId"));
      assertThat(a.getJsonObject("counters").getLong("events")).isEqualTo(2 + 2L * perCookie + 2);
    }
  }

  static CompletableFuture<HttpResponse<String>> post(int port, JsonObject body) {
    return HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/events"))
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
  }

  static List<String> offerIds(JsonObject decision) {
    return decision.getJsonArray("offers").stream().map(o -> ((JsonObject) o).getString("offerId")).toList();
  }
}
