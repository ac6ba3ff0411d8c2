package io.kairos.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairos.engine.TestEngines;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A marketer changes the offer catalog through the admin API while decisions are made: create,
 * reject a condition that does not compile (with its position), update, retire; every change is a
 * version, decisions follow at once, and the changes survive a restart.
 */
class OfferAdminJourneyTest {

  @TempDir Path dataDir;

  static HttpResponse<Buffer> send(WebClient client, HttpMethod method, String path, String body) {
    var request = client.request(method, path);
    return body == null ? request.send().await() : request.sendBuffer(Buffer.buffer(body)).await();
  }

  static List<String> offered(WebClient client) {
    JsonObject d = send(client, HttpMethod.POST, "/v1/decide",
        new JsonObject().put("identifiers", new JsonObject().put("userId", "u-offers")).put("channel", "web").put("limit", 10).encode())
        .bodyAsJsonObject();
    return d.getJsonArray("offers").stream().map(o -> ((JsonObject) o).getString("offerId")).toList();
  }

  @Test
  void createRejectUpdateRetireAndRestart() {
    Vertx vertx = Vertx.vertx();
    String lounge = """
        {"id": "vip-lounge", "name": "VIP lounge invitation", "channels": ["web"], "conditions": ["profile.cartValue > 0"],
         "value": 500, "payload": {"headline": "Join the lounge"}}""";
    try {
      try (TestEngines.Running engine = TestEngines.start(dataDir)) {
        WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(engine.port()));
        JsonObject base = client.get("/v1/admin/offers").send().await().bodyAsJsonObject();
        assertThat(base.getLong("version")).isZero();
        int yamlOffers = base.getJsonArray("offers").size();
        assertThat(send(client, HttpMethod.POST, "/v1/events", new JsonObject().put("type", "add_to_cart").put("channel", "web")
            .put("identifiers", new JsonObject().put("userId", "u-offers"))
            .put("properties", new JsonObject().put("productId", "sku-1").put("price", 30).put("quantity", 1)).encode()).statusCode())
            .isEqualTo(202);
        assertThat(offered(client)).doesNotContain("vip-lounge");

        HttpResponse<Buffer> created = send(client, HttpMethod.POST, "/v1/admin/offers", lounge);
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        assertThat(created.bodyAsJsonObject().getLong("version")).isEqualTo(1);
        assertThat(offered(client)).first().isEqualTo("vip-lounge");

        // Rejections name the field; a condition that does not compile names its position.
        JsonObject bad = send(client, HttpMethod.PUT, "/v1/admin/offers/vip-lounge",
            lounge.replace("profile.cartValue > 0", "profile.cartValue >")).bodyAsJsonObject().getJsonObject("error");
        assertThat(bad.getString("code")).isEqualTo("invalid_offer");
        assertThat(bad.getString("field")).isEqualTo("conditions[0]");
        assertThat(bad.getString("message")).contains("does not compile").containsPattern("1:\\d+");
        assertThat(send(client, HttpMethod.POST, "/v1/admin/offers", lounge).statusCode()).isEqualTo(409);
        assertThat(send(client, HttpMethod.POST, "/v1/admin/offers", "{\"id\": \"x\", \"name\": \"X\", \"channels\": [\"web\"]}")
            .bodyAsJsonObject().getJsonObject("error").getString("field")).isEqualTo("value");
        assertThat(send(client, HttpMethod.POST, "/v1/admin/offers", "{\"id\": \"x\", \"colour\": \"red\"}").bodyAsJsonObject()
            .getJsonObject("error").getString("message")).contains("colour");
        assertThat(send(client, HttpMethod.POST, "/v1/admin/offers", "not json").statusCode()).isEqualTo(400);
        assertThat(send(client, HttpMethod.PUT, "/v1/admin/offers/nope", lounge.replace("vip-lounge", "nope")).statusCode()).isEqualTo(404);
        assertThat(send(client, HttpMethod.PUT, "/v1/admin/offers/vip-lounge", lounge.replace("\"vip-lounge\"", "\"other\""))
            .statusCode()).isEqualTo(400);

        JsonObject updated = send(client, HttpMethod.PUT, "/v1/admin/offers/vip-lounge", lounge.replace("500", "0.01")).bodyAsJsonObject();
        assertThat(updated.getLong("version")).isEqualTo(2);
        assertThat(offered(client)).last().isEqualTo("vip-lounge");

        JsonObject retired = send(client, HttpMethod.DELETE, "/v1/admin/offers/cart-saver-10", null).bodyAsJsonObject();
        assertThat(retired.getLong("version")).isEqualTo(3);
        assertThat(retired.getJsonArray("offers")).hasSize(yamlOffers);
        assertThat(offered(client)).doesNotContain("cart-saver-10");
        assertThat(send(client, HttpMethod.DELETE, "/v1/admin/offers/cart-saver-10", null).statusCode()).isEqualTo(404);

        JsonArray history = client.get("/v1/admin/offers/history").send().await().bodyAsJsonObject().getJsonArray("changes");
        assertThat(history.stream().map(c -> ((JsonObject) c).getString("action")).toList()).containsExactly("create", "update", "retire");
      }
      try (TestEngines.Running engine = TestEngines.start(dataDir)) {
        WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(engine.port()));
        JsonObject after = client.get("/v1/admin/offers").send().await().bodyAsJsonObject();
        assertThat(after.getLong("version")).isEqualTo(3);
        List<String> ids = after.getJsonArray("offers").stream().map(o -> ((JsonObject) o).getString("id")).toList();
        assertThat(ids).contains("vip-lounge").doesNotContain("cart-saver-10");
        assertThat(offered(client)).contains("vip-lounge").doesNotContain("cart-saver-10");
      }
    } finally {
      vertx.close().await();
    }
  }

  /**
   * Two marketers edit the catalog at once: each read version N (its ETag) and sends a change with
   * {@code If-Match: "N"}; the first applies, the second is refused with 412 and changes nothing, so no edit
   * is overwritten unknowingly. Without the header a change applies to whatever version is current.
   */
  @Test
  void aChangeMadeOnAnOlderVersionIsRefused() {
    Vertx vertx = Vertx.vertx();
    String banner = """
        {"id": "%s", "name": "Winter banner", "channels": ["web"], "value": %d}""";
    try (TestEngines.Running engine = TestEngines.start(dataDir)) {
      WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(engine.port()));
      HttpResponse<Buffer> read = client.get("/v1/admin/offers").send().await();
      assertThat(read.getHeader("ETag")).isEqualTo("\"0\"");
      HttpResponse<Buffer> created = client.post("/v1/admin/offers").putHeader("If-Match", "\"0\"")
          .sendBuffer(Buffer.buffer(banner.formatted("winter", 10))).await();
      assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
      assertThat(created.getHeader("ETag")).isEqualTo("\"1\"");

      List<HttpResponse<Buffer>> racing = new ArrayList<>();
      for (int value : new int[] {20, 30}) {
        racing.add(client.put("/v1/admin/offers/winter").putHeader("If-Match", "\"1\"")
            .sendBuffer(Buffer.buffer(banner.formatted("winter", value))).await());
      }
      assertThat(racing.get(0).statusCode()).isEqualTo(200);
      HttpResponse<Buffer> stale = racing.get(1);
      assertThat(stale.statusCode()).isEqualTo(412);
      JsonObject error = stale.bodyAsJsonObject().getJsonObject("error");
      assertThat(error.getString("code")).isEqualTo("catalog_changed");
      assertThat(error.getString("field")).isEqualTo("If-Match");
      assertThat(error.getString("message")).contains("version 2, not 1");
      assertThat(client.delete("/v1/admin/offers/winter").putHeader("If-Match", "W/\"1\"").send().await().statusCode())
          .as("a retire on the old version").isEqualTo(412);

      JsonObject now = client.get("/v1/admin/offers").send().await().bodyAsJsonObject();
      assertThat(now.getLong("version")).isEqualTo(2);
      JsonObject winter = now.getJsonArray("offers").stream().map(o -> (JsonObject) o).filter(o -> o.getString("id").equals("winter"))
          .findFirst().orElseThrow();
      assertThat(winter.getDouble("value")).as("the first edit stands").isEqualTo(20.0);

      assertThat(client.put("/v1/admin/offers/winter").putHeader("If-Match", "version two")
          .sendBuffer(Buffer.buffer(banner.formatted("winter", 40))).await().statusCode()).isEqualTo(400);
      HttpResponse<Buffer> any = client.put("/v1/admin/offers/winter").putHeader("If-Match", "*")
          .sendBuffer(Buffer.buffer(banner.formatted("winter", 50))).await();
      assertThat(any.statusCode()).isEqualTo(200);
      assertThat(client.put("/v1/admin/offers/winter").sendBuffer(Buffer.buffer(banner.formatted("winter", 60))).await().getHeader("ETag"))
          .as("no If-Match: applied to the current version").isEqualTo("\"4\"");
    } finally {
      vertx.close().await();
    }
  }
}
