package io.kairos.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * A marketer changes the model and the offers while the website and the call center run: registers a
 * trained model, lets it shadow 20% of profiles, reads the shadow scores, promotes it, creates and
 * re-values a flash-sale offer, rolls the model back and retires the offer.
 * Needs a model directory on the engine's machine, e.g. from
 * {@code bin/kairos propensity train ... --out /tmp/kairos-challenger}.
 *
 * <p>Run: {@code mvn -q -pl loadtest gatling:test -Dsimulation=MarketerSimulation -Dkairos.url=http://127.0.0.1:8080
 * -Dkairos.challengerModel=/tmp/kairos-challenger -Drate=30 -Dduration=60}
 */
public class MarketerSimulation extends Simulation {

  static final String CHALLENGER = System.getProperty("kairos.challengerModel", "/tmp/kairos-challenger");

  /** A flash-sale offer for carts, created, re-valued and retired while traffic runs. */
  static final String OFFER = "{\"id\":\"#{offer}\",\"name\":\"Flash sale\",\"channels\":[\"web\",\"call_center\"],"
      + "\"conditions\":[\"profile.cartValue > 0\"],\"value\":VALUE,\"payload\":{\"headline\":\"Today only\"}}";

  static ScenarioBuilder marketer() {
    return scenario("marketer")
        .exec(http("list models").get("/v1/admin/models").check(status().is(200), jsonPath("$.champion").saveAs("champion")))
        .exec(http("register model").post("/v1/admin/models").body(StringBody("{\"path\":\"" + CHALLENGER + "\"}"))
            .check(status().is(201), jsonPath("$.version").saveAs("challenger")))
        .exec(http("assign challenger").put("/v1/admin/models/challenger")
            .body(StringBody("{\"version\":\"#{challenger}\",\"share\":0.2}")).check(status().is(200)))
        .pause(WebsiteMixSimulation.DURATION / 4)
        .exec(http("shadow scores").get("/v1/admin/models/shadow?limit=100").check(status().is(200)))
        .exec(http("promote").post("/v1/admin/models/#{challenger}/promote").check(status().is(200)))
        .exec(session -> session.set("offer", "flash-" + Long.toString(System.nanoTime(), 36)))
        .exec(http("create offer").post("/v1/admin/offers").body(StringBody(OFFER.replace("VALUE", "25"))).check(status().is(201)))
        .exec(http("update offer").put("/v1/admin/offers/#{offer}").body(StringBody(OFFER.replace("VALUE", "40"))).check(status().is(200)))
        .pause(WebsiteMixSimulation.DURATION / 4)
        .exec(http("roll back").post("/v1/admin/models/rollback").check(status().is(200),
            jsonPath("$.champion").isEL("#{champion}")))
        .exec(http("retire offer").delete("/v1/admin/offers/#{offer}").check(status().is(200)));
  }

  {
    double rate = WebsiteMixSimulation.RATE;
    int duration = WebsiteMixSimulation.DURATION;
    setUp(
        WebsiteMixSimulation.website().injectOpen(rampUsersPerSec(1).to(rate).during(10), constantUsersPerSec(rate).during(duration)),
        CallCenterSimulation.seed().injectOpen(atOnceUsers(1)),
        CallCenterSimulation.agent().injectOpen(nothingFor(5), rampUsersPerSec(1).to(rate / 2).during(10),
            constantUsersPerSec(rate / 2).during(duration)),
        marketer().injectOpen(nothingFor(15), atOnceUsers(1)))
        .protocols(WebsiteMixSimulation.protocol())
        .assertions(
            global().failedRequests().percent().lt(1.0),
            global().responseTime().percentile(99.0).lt(1000),
            details("promote").failedRequests().count().is(0L),
            details("roll back").failedRequests().count().is(0L),
            details("create offer").failedRequests().count().is(0L),
            details("update offer").failedRequests().count().is(0L),
            details("retire offer").failedRequests().count().is(0L));
  }
}
