package io.kairos.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A realistic website mix against a running engine (open workload): each arriving visitor sends a
 * page view, asks for a decision for the home placement, views products in a batch, and some add to
 * cart, purchase or write a review. Returning visitors are drawn from a fixed pool so profiles grow.
 *
 * <p>Run: {@code mvn -q -pl loadtest gatling:test -Dkairos.url=http://127.0.0.1:8080 -Drate=50 -Dduration=60}
 */
public class WebsiteMixSimulation extends Simulation {

  static final String BASE_URL = System.getProperty("kairos.url", "http://127.0.0.1:8080");
  static final double RATE = Double.parseDouble(System.getProperty("rate", "50"));
  static final int DURATION = Integer.getInteger("duration", 60);
  static final int VISITORS = Integer.getInteger("visitors", 20_000);

  static final String[] REVIEWS = {
      "Great shoes, comfortable from day one. Would buy again!",
      "Terrible quality, the sole came off after a week. Very disappointed.",
      "Delivery was late and nobody answered my e-mails.",
      "Exactly as described, fast shipping, happy customer."};

  static final Iterator<Map<String, Object>> visitors = Stream.generate(() -> {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return Map.<String, Object>of(
        "visitor", "lt-" + r.nextInt(VISITORS),
        "product", "p-" + r.nextInt(500),
        "price", Math.round(r.nextDouble(5, 200) * 100) / 100.0,
        "review", REVIEWS[r.nextInt(REVIEWS.length)]);
  }).iterator();

  /** The engine's admin token (-Dkairos.adminToken, else the engine's own KAIROS_SERVER_ADMIN_TOKEN), sent when set. */
  static final String ADMIN_TOKEN = System.getProperty("kairos.adminToken", System.getenv().getOrDefault("KAIROS_SERVER_ADMIN_TOKEN", ""));

  static HttpProtocolBuilder protocol() {
    HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
        .contentTypeHeader("application/json")
        .acceptHeader("application/json")
        .warmUp(BASE_URL + "/health");
    return ADMIN_TOKEN.isBlank() ? protocol : protocol.authorizationHeader("Bearer " + ADMIN_TOKEN.strip());
  }

  static String event(String type, String extra) {
    return "{\"type\":\"" + type + "\",\"channel\":\"web\",\"identifiers\":{\"anonymousId\":\"#{visitor}\"}" + extra + "}";
  }

  static ScenarioBuilder website() {
    return scenario("website visitor").feed(visitors)
      .exec(http("page_view").post("/v1/events")
          .body(StringBody(event("page_view", ",\"properties\":{\"pageType\":\"home\"}"))).check(status().is(202)))
      .exec(http("decide home_hero").post("/v1/decide")
          .body(StringBody("{\"identifiers\":{\"anonymousId\":\"#{visitor}\"},\"channel\":\"web\",\"placement\":\"home_hero\",\"limit\":3}"))
          .check(status().is(200)))
      .exec(http("product_view batch").post("/v1/events")
          .body(StringBody("{\"batch\":["
              + event("product_view", ",\"properties\":{\"productId\":\"#{product}\",\"price\":#{price}}") + ","
              + event("product_view", ",\"properties\":{\"productId\":\"#{product}-b\",\"price\":#{price}}") + ","
              + event("page_view", ",\"properties\":{\"pageType\":\"help\"}") + "]}"))
          .check(status().is(202)))
      .exec(randomSwitch().on(
          percent(30).then(exec(http("add_to_cart").post("/v1/events")
              .body(StringBody(event("add_to_cart", ",\"properties\":{\"productId\":\"#{product}\",\"price\":#{price},\"quantity\":1}")))
              .check(status().is(202)))
              .exec(http("decide cart").post("/v1/decide")
                  .body(StringBody("{\"identifiers\":{\"anonymousId\":\"#{visitor}\"},\"channel\":\"web\",\"placement\":\"cart\"}"))
                  .check(status().is(200)))),
          percent(8).then(exec(http("purchase").post("/v1/events")
              .body(StringBody(event("purchase", ",\"properties\":{\"total\":#{price}}")))
              .check(status().is(202)))),
          percent(5).then(exec(http("review").post("/v1/events")
              .body(StringBody(event("review", ",\"text\":\"#{review}\"")))
              .check(status().is(202))))));
  }

  {
    setUp(website().injectOpen(
            rampUsersPerSec(1).to(RATE).during(10),
            constantUsersPerSec(RATE).during(DURATION)))
        .protocols(protocol())
        .assertions(
            global().failedRequests().percent().lt(1.0),
            global().responseTime().percentile(99.0).lt(1000));
  }
}
