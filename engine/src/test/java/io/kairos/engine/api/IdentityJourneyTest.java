package io.kairos.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairos.engine.TestEngines;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The identity journey over real HTTP against a real engine: identifiers cleaned on the way in and
 * found in any common form, invalid ones kept and flagged, messageId retries applied once (also
 * concurrently and across a restart), consent recorded through the API and events and changing
 * the next decision.
 */
class IdentityJourneyTest {

  static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dataDir;

  record Response(int status, JsonObject body) {}

  static Response send(int port, String method, String path, Object body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    b = b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), new JsonObject(r.body()));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static String byIdentifier(String type, String value) {
    return "/v1/profiles/by/" + type + "/" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static JsonObject event(String type, String messageId, JsonObject identifiers) {
    JsonObject e = new JsonObject().put("type", type).put("channel", "web").put("identifiers", identifiers);
    return messageId == null ? e : e.put("messageId", messageId);
  }

  @Test
  void cleanIdentifiersIdempotentRetriesAndConsent() throws Exception {
    try (TestEngines.Running engine = TestEngines.start(dataDir)) {
      int port = engine.port();
      // A call-center note with the phone as the agent typed it, and a junk e-mail.
      Response first = send(port, "POST", "/v1/events", event("page_view", "msg-1",
          new JsonObject().put("anonymousId", "cookie-1").put("phone", "(415) 555-0100").put("email", "n/a")));
      assertThat(first.status()).isEqualTo(202);
      assertThat(first.body().getInteger("duplicates")).isZero();
      String profileId = first.body().getJsonArray("profileIds").getString(0);

      for (String written : List.of("+1 415-555-0100", "415.555.0100", "+14155550100", "1 (415) 555 0100")) {
        Response found = send(port, "GET", byIdentifier("phone", written), null);
        assertThat(found.status()).as(written).isEqualTo(200);
        assertThat(found.body().getString("profileId")).isEqualTo(profileId);
      }
      JsonObject profile = send(port, "GET", "/v1/profiles/" + profileId, null).body();
      assertThat(profile.getJsonObject("identifiers").getJsonArray("phone")).containsExactly("+14155550100");
      assertThat(profile.getJsonObject("invalidIdentifiers").getJsonArray("email")).containsExactly("n/a");
      assertThat(send(port, "GET", byIdentifier("email", "n/a"), null).status()).as("invalid values are not linked").isEqualTo(404);
      Response unknownType = send(port, "GET", byIdentifier("shoeSize", "9"), null);
      assertThat(unknownType.status()).isEqualTo(400);
      assertThat(unknownType.body().getJsonObject("error").getString("code")).isEqualTo("unknown_identifier_type");

      // Retries: the same messageId again, twice within one batch, and twenty at once.
      Response retry = send(port, "POST", "/v1/events", event("page_view", "msg-1", new JsonObject().put("anonymousId", "cookie-1")));
      assertThat(retry.status()).isEqualTo(202);
      assertThat(retry.body().getInteger("duplicates")).isEqualTo(1);
      JsonArray batch = new JsonArray().add(event("product_view", "msg-2", new JsonObject().put("anonymousId", "cookie-1")))
          .add(event("product_view", "msg-2", new JsonObject().put("anonymousId", "cookie-1")))
          .add(event("product_view", null, new JsonObject().put("anonymousId", "cookie-1")));
      Response inBatch = send(port, "POST", "/v1/events", new JsonObject().put("batch", batch));
      assertThat(inBatch.body().getInteger("accepted")).isEqualTo(3);
      assertThat(inBatch.body().getInteger("duplicates")).isEqualTo(1);
      List<CompletableFuture<HttpResponse<String>>> storm = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        storm.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/events"))
            .POST(HttpRequest.BodyPublishers.ofString(event("add_to_cart", "msg-3", new JsonObject().put("anonymousId", "cookie-1"))
                .put("properties", new JsonObject().put("productId", "sku-1").put("price", 10)).encode())).build(),
            HttpResponse.BodyHandlers.ofString()));
      }
      int duplicates = 0;
      for (CompletableFuture<HttpResponse<String>> f : storm) {
        HttpResponse<String> r = f.get();
        assertThat(r.statusCode()).isEqualTo(202);
        duplicates += new JsonObject(r.body()).getInteger("duplicates");
      }
      assertThat(duplicates).isEqualTo(19);
      profile = send(port, "GET", "/v1/profiles/" + profileId, null).body();
      assertThat(profile.getJsonObject("counters").getLong("events")).as("msg-1, msg-2, the unkeyed view, msg-3").isEqualTo(4);
      assertThat(profile.getJsonObject("cart").getJsonArray("items").getJsonObject(0).getLong("quantity")).isEqualTo(1);

      // Consent: never answered → defaults; an event grants e-mail marketing; the API withdraws personalization.
      assertThat(profile.getJsonObject("consents").getJsonObject("marketing_email").getString("source")).isEqualTo("default");
      JsonObject emailDecide = new JsonObject().put("identifiers", new JsonObject().put("phone", "415-555-0100")).put("channel", "email");
      JsonObject noConsent = send(port, "POST", "/v1/decide", emailDecide).body();
      assertThat(noConsent.getString("profileId")).as("decide finds the person by phone in another format").isEqualTo(profileId);
      assertThat(noConsent.getJsonArray("offers")).isEmpty();
      assertThat(noConsent.getJsonArray("excluded").getJsonObject(0).getString("reason")).contains("consent: marketing_email denied");
      assertThat(send(port, "POST", "/v1/events", event("preferences_saved", null, new JsonObject().put("anonymousId", "cookie-1"))
          .put("consents", new JsonObject().put("marketing_email", "granted"))).status()).isEqualTo(202);
      assertThat(send(port, "POST", "/v1/decide", emailDecide).body().getJsonArray("offers")).isNotEmpty();

      JsonObject webDecide = new JsonObject().put("profileId", profileId).put("channel", "web").put("placement", "cart");
      assertThat(send(port, "POST", "/v1/decide", webDecide).body().getJsonArray("offers").stream()
          .map(o -> ((JsonObject) o).getString("offerId"))).contains("cart-saver-10");
      Response withdrawn = send(port, "PUT", "/v1/profiles/" + profileId + "/consents",
          new JsonObject().put("consents", new JsonObject().put("personalization", "denied")).put("source", "call_center"));
      assertThat(withdrawn.status()).isEqualTo(200);
      assertThat(withdrawn.body().getJsonObject("consents").getJsonObject("personalization").getString("source"))
          .isEqualTo("call_center");
      JsonObject after = send(port, "POST", "/v1/decide", webDecide).body();
      assertThat(after.getJsonArray("offers").stream().map(o -> ((JsonObject) o).getString("offerId")))
          .as("the cart saver needs the profile's cart").doesNotContain("cart-saver-10");
      assertThat(after.getJsonArray("consent").getString(0)).startsWith("personalization denied (call_center");

      Response unknown = send(port, "PUT", "/v1/profiles/nobody/consents",
          new JsonObject().put("consents", new JsonObject().put("analytics", "denied")));
      assertThat(unknown.status()).isEqualTo(404);
      Response badPurpose = send(port, "PUT", "/v1/profiles/" + profileId + "/consents",
          new JsonObject().put("consents", new JsonObject().put("telepathy", "granted")));
      assertThat(badPurpose.status()).isEqualTo(400);
      assertThat(badPurpose.body().getJsonObject("error").getString("code")).isEqualTo("unknown_consent_purpose");
    }

    try (TestEngines.Running again = TestEngines.start(dataDir)) {
      int port = again.port();
      Response retry = send(port, "POST", "/v1/events", event("add_to_cart", "msg-3", new JsonObject().put("anonymousId", "cookie-1")));
      assertThat(retry.body().getInteger("duplicates")).as("remembered across a restart").isEqualTo(1);
      JsonObject profile = send(port, "GET", byIdentifier("phone", "+1 415 555 0100"), null).body();
      assertThat(profile.getJsonObject("counters").getLong("events")).as("4 events, a consent event and a consent update").isEqualTo(6);
      assertThat(profile.getJsonObject("consents").getJsonObject("personalization").getString("status")).isEqualTo("denied");
      assertThat(profile.getJsonObject("consents").getJsonObject("marketing_email").getString("status")).isEqualTo("granted");
      assertThat(profile.getJsonObject("invalidIdentifiers").getJsonArray("email")).containsExactly("n/a");
    }
  }
}
