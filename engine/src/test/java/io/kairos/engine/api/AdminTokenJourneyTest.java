package io.kairos.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kairos.engine.TestEngines;
import io.kairos.engine.config.ConfigLoader;
import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.error.ConfigException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator sets the admin token: offer and model administration, export and erasure then need it,
 * while the website's and call center's routes (events, decide, lookup, feedback) stay as they were;
 * with client tokens as well, those routes need one of them.
 */
class AdminTokenJourneyTest {

  private static final String TOKEN = "s3cret-admin-token-for-tests";

  @TempDir Path dataDir;

  private static HttpResponse<Buffer> send(WebClient client, HttpMethod method, String path, String authorization, String body) {
    HttpRequest<Buffer> request = client.request(method, path);
    if (authorization != null) {
      request.putHeader("Authorization", authorization);
    }
    return body == null ? request.send().await() : request.sendBuffer(Buffer.buffer(body)).await();
  }

  private static void assertUnauthorized(HttpResponse<Buffer> r) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(401);
    assertThat(r.getHeader("WWW-Authenticate")).startsWith("Bearer");
    assertThat(r.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("unauthorized");
    assertThat(r.bodyAsString()).doesNotContain(TOKEN);
  }

  @Test
  void adminExportAndErasureNeedTheTokenAndEverythingElseDoesNot() {
    Vertx vertx = Vertx.vertx();
    try (TestEngines.Running engine = TestEngines.start(dataDir, Map.of("server.adminToken", TOKEN))) {
      WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(engine.port()));
      String bearer = "Bearer " + TOKEN;

      HttpResponse<Buffer> ingested = send(client, HttpMethod.POST, "/v1/events", null, new JsonObject().put("type", "page_view")
          .put("channel", "web").put("identifiers", new JsonObject().put("userId", "u-admin")).encode());
      assertThat(ingested.statusCode()).as(ingested.bodyAsString()).isEqualTo(202);
      String profileId = ingested.bodyAsJsonObject().getJsonArray("profileIds").getString(0);
      assertThat(send(client, HttpMethod.POST, "/v1/decide", null, new JsonObject().put("identifiers", new JsonObject()
          .put("userId", "u-admin")).put("channel", "web").encode()).statusCode()).isEqualTo(200);
      assertThat(send(client, HttpMethod.GET, "/v1/profiles/by/userId/u-admin", null, null).statusCode()).isEqualTo(200);

      assertUnauthorized(send(client, HttpMethod.GET, "/v1/admin/offers", null, null));
      assertUnauthorized(send(client, HttpMethod.GET, "/v1/admin/offers", "Bearer not-the-token", null));
      assertUnauthorized(send(client, HttpMethod.GET, "/v1/admin/offers", "Bearer " + TOKEN + "x", null));
      assertUnauthorized(send(client, HttpMethod.GET, "/v1/admin/offers", "Basic " + TOKEN, null));
      assertUnauthorized(send(client, HttpMethod.GET, "/v1/admin/models", null, null));
      // Refused before the body is read: an oversized body without the token is 401, not 413.
      assertUnauthorized(send(client, HttpMethod.POST, "/v1/admin/offers", null, "x".repeat(5_000_000)));
      assertUnauthorized(send(client, HttpMethod.GET, "/v1/profiles/" + profileId + "/export", null, null));
      assertUnauthorized(send(client, HttpMethod.DELETE, "/v1/profiles/" + profileId, "Bearer wrong", null));
      assertThat(send(client, HttpMethod.GET, "/v1/profiles/" + profileId, null, null).statusCode()).as("not erased").isEqualTo(200);

      assertThat(send(client, HttpMethod.GET, "/v1/admin/offers", bearer, null).statusCode()).isEqualTo(200);
      assertThat(send(client, HttpMethod.GET, "/v1/admin/offers", "bearer " + TOKEN, null).statusCode()).isEqualTo(200);
      assertThat(send(client, HttpMethod.GET, "/v1/admin/models", bearer, null).statusCode()).isEqualTo(200);
      assertThat(send(client, HttpMethod.GET, "/v1/profiles/" + profileId + "/export", bearer, null).statusCode()).isEqualTo(200);
      assertThat(send(client, HttpMethod.DELETE, "/v1/profiles/" + profileId, bearer, null).statusCode()).isEqualTo(200);
      assertThat(send(client, HttpMethod.GET, "/v1/profiles/" + profileId, null, null).statusCode()).isEqualTo(404);
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void withClientTokensEveryV1RouteNeedsOneAndAdminRoutesStillNeedTheAdminToken() {
    String website = "website-token-0123456789";
    String callCenter = "call-center-token-0123456789";
    Vertx vertx = Vertx.vertx();
    try (TestEngines.Running engine = TestEngines.start(dataDir, Map.of("server.adminToken", TOKEN,
        "server.clientTokens", website + ", " + callCenter))) {
      WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(engine.port()));
      String event = new JsonObject().put("type", "page_view").put("channel", "web")
          .put("identifiers", new JsonObject().put("userId", "u-client")).encode();
      String decide = new JsonObject().put("identifiers", new JsonObject().put("userId", "u-client")).put("channel", "web").encode();

      assertUnauthorized(send(client, HttpMethod.POST, "/v1/events", null, event));
      assertUnauthorized(send(client, HttpMethod.POST, "/v1/events", "Bearer " + website + "x", event));
      assertUnauthorized(send(client, HttpMethod.POST, "/v1/decide", null, decide));
      assertUnauthorized(send(client, HttpMethod.GET, "/v1/profiles/by/userId/u-client", null, null));
      assertUnauthorized(send(client, HttpMethod.POST, "/v1/feedback", null, "{}"));
      assertUnauthorized(send(client, HttpMethod.POST, "/v1/events", null, "x".repeat(5_000_000))); // before the body: 401, not 413
      assertUnauthorized(send(client, HttpMethod.GET, "/v1/no-such-route", null, null));

      HttpResponse<Buffer> ingested = send(client, HttpMethod.POST, "/v1/events", "Bearer " + website, event);
      assertThat(ingested.statusCode()).as(ingested.bodyAsString()).isEqualTo(202);
      assertThat(send(client, HttpMethod.POST, "/v1/decide", "Bearer " + callCenter, decide).statusCode()).isEqualTo(200);
      assertThat(send(client, HttpMethod.GET, "/v1/profiles/by/userId/u-client", "Bearer " + callCenter, null).statusCode()).isEqualTo(200);
      assertThat(send(client, HttpMethod.GET, "/v1/profiles/by/userId/u-client", "Bearer " + TOKEN, null).statusCode())
          .as("the admin token is accepted on client routes").isEqualTo(200);

      assertUnauthorized(send(client, HttpMethod.GET, "/v1/admin/offers", "Bearer " + website, null));
      String profileId = ingested.bodyAsJsonObject().getJsonArray("profileIds").getString(0);
      assertUnauthorized(send(client, HttpMethod.GET, "/v1/profiles/" + profileId + "/export", "Bearer " + callCenter, null));
      assertThat(send(client, HttpMethod.GET, "/v1/admin/offers", "Bearer " + TOKEN, null).statusCode()).isEqualTo(200);

      assertThat(send(client, HttpMethod.GET, "/health", null, null).statusCode()).as("probes stay open").isEqualTo(200);
      assertThat(send(client, HttpMethod.GET, "/metrics", null, null).statusCode()).isEqualTo(200);
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void clientTokensNeedTheAdminTokenTheirOwnValuesAndLength() {
    Path home = TestEngines.home();
    String client = "website-token-0123456789";
    assertThatThrownBy(() -> ConfigLoader.load(home, null, Map.of("KAIROS_SERVER_CLIENT_TOKENS", client), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("server.clientTokens").hasMessageContaining("adminToken")
        .hasMessageNotContaining(client);
    assertThatThrownBy(() -> ConfigLoader.load(home, null, Map.of("KAIROS_SERVER_ADMIN_TOKEN", TOKEN,
        "KAIROS_SERVER_CLIENT_TOKENS", client + ",short"), Map.of())).hasMessageContaining("token 2 has 5").hasMessageNotContaining(client);
    assertThatThrownBy(() -> ConfigLoader.load(home, null, Map.of("KAIROS_SERVER_ADMIN_TOKEN", TOKEN,
        "KAIROS_SERVER_CLIENT_TOKENS", TOKEN), Map.of())).hasMessageContaining("is the admin token").hasMessageNotContaining(TOKEN);
    KairosConfig config = ConfigLoader.load(home, null, Map.of("KAIROS_SERVER_ADMIN_TOKEN", TOKEN,
        "KAIROS_SERVER_CLIENT_TOKENS", " " + client + " ,, other-client-token-0123 "), Map.of());
    assertThat(config.server().clientTokenList()).containsExactly(client, "other-client-token-0123");
    assertThat(config.toString()).doesNotContain(client).contains("clientTokens=2");
    assertThat(ConfigLoader.load(home, null, Map.of(), Map.of()).server().clientTokenList()).isEmpty();
  }

  @Test
  void withoutATokenAdminRoutesStayOpen() {
    Vertx vertx = Vertx.vertx();
    try (TestEngines.Running engine = TestEngines.start(dataDir)) {
      WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(engine.port()));
      assertThat(send(client, HttpMethod.GET, "/v1/admin/offers", null, null).statusCode()).isEqualTo(200);
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void aShortTokenIsRefusedAtStartAndNoTokenIsPrinted() {
    Path home = TestEngines.home();
    assertThatThrownBy(() -> ConfigLoader.load(home, null, Map.of("KAIROS_SERVER_ADMIN_TOKEN", "short"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("server.adminToken").hasMessageNotContaining("short");
    KairosConfig config = ConfigLoader.load(home, null, Map.of("KAIROS_SERVER_ADMIN_TOKEN", TOKEN), Map.of());
    assertThat(config.server().adminToken()).isEqualTo(TOKEN);
    assertThat(config.toString()).doesNotContain(TOKEN);
    assertThat(ConfigLoader.load(home, null, Map.of(), Map.of()).server().adminToken()).isNull();
  }
}
