package io.kairos.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairos.engine.TestEngines;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clean stop and start rebuilds identical profiles, identifier links and enrichment from the event history. */
class RestartReplayTest {

  static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dataDir;

  static HttpResponse<String> send(int port, String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    b = body == null ? b.GET() : b.method(method, HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonObject withoutScoreTime(String profileJson) {
    JsonObject p = new JsonObject(profileJson);
    p.getJsonObject("propensity").remove("scoredAt");
    return p;
  }

  @Test
  void profilesComeBackIdenticalAfterRestart() throws Exception {
    JsonArray batch = new JsonArray()
        .add(new JsonObject().put("type", "page_view").put("timestamp", "2026-11-20T09:00:00Z").put("channel", "web")
            .put("identifiers", new JsonObject().put("anonymousId", "r-anon").put("email", "Rita@Example.com"))
            .put("properties", new JsonObject().put("pageType", "help")))
        .add(new JsonObject().put("type", "add_to_cart").put("timestamp", "2026-11-20T09:04:00Z").put("channel", "web")
            .put("identifiers", new JsonObject().put("anonymousId", "r-anon"))
            .put("properties", new JsonObject().put("productId", "sku-7").put("price", 25.0).put("quantity", 2)))
        .add(new JsonObject().put("type", "purchase").put("timestamp", "2026-11-20T09:10:00Z").put("channel", "web")
            .put("identifiers", new JsonObject().put("anonymousId", "r-anon")).put("traits", new JsonObject().put("vip", true)))
        .add(new JsonObject().put("type", "support_ticket").put("timestamp", "2026-11-21T12:00:00Z").put("channel", "email")
            .put("identifiers", new JsonObject().put("anonymousId", "r-anon").put("email", "rita@example.com"))
            .put("text", "Thank you, the replacement arrived quickly and works perfectly. Great service!"));
    String before;
    try (TestEngines.Running first = TestEngines.start(dataDir)) {
      assertThat(send(first.port(), "POST", "/v1/events", new JsonObject().put("batch", batch).encode()).statusCode()).isEqualTo(202);
      before = send(first.port(), "GET", "/v1/profiles/by/anonymousId/r-anon", null).body();
    }
    JsonObject was = withoutScoreTime(before);
    assertThat(was.getJsonObject("purchases").getDouble("total")).isEqualTo(50.0);
    assertThat(was.getJsonObject("sentiment").getString("lastLabel")).isEqualTo("positive");

    try (TestEngines.Running second = TestEngines.start(dataDir)) {
      HttpResponse<String> after = send(second.port(), "GET", "/v1/profiles/by/email/RITA@example.com", null);
      assertThat(after.statusCode()).isEqualTo(200);
      assertThat(withoutScoreTime(after.body())).isEqualTo(was);
    }
  }
}
