package io.kairos.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Decide at a fixed arrival rate (open model, so latency is not hidden by coordinated omission):
 * the performance issue's "decide p99 ≤ 2 ms at half of decide's peak throughput". Seeds the known
 * customers of {@link CallCenterSimulation} first, then decides for them on the web channel.
 *
 * <p>Run: {@code mvn -q -pl loadtest gatling:test -Dsimulation=DecideRateSimulation -Dkairos.url=http://127.0.0.1:8080 -Drate=1500 -Dduration=30}
 */
public class DecideRateSimulation extends Simulation {

  static final Iterator<Map<String, Object>> customers = Stream.generate(() ->
      Map.<String, Object>of("userId", "cc-" + ThreadLocalRandom.current().nextInt(CallCenterSimulation.CUSTOMERS))).iterator();

  static ScenarioBuilder decide() {
    return scenario("decide").feed(customers)
        .exec(http("decide").post("/v1/decide")
            .body(StringBody("{\"identifiers\":{\"userId\":\"#{userId}\"},\"channel\":\"web\",\"placement\":\"cart\"}"))
            .check(status().is(200)));
  }

  {
    setUp(CallCenterSimulation.seed().injectOpen(atOnceUsers(1)),
        decide().injectOpen(nothingFor(5), constantUsersPerSec(WebsiteMixSimulation.RATE).during(WebsiteMixSimulation.DURATION)))
        // A pool of kept-alive connections, as a website's back end or a proxy would hold: at these rates a
        // new TCP connection per virtual user costs the shared 2 cores more than the decision itself.
        .protocols(WebsiteMixSimulation.protocol().shareConnections())
        .assertions(
            global().failedRequests().percent().lt(1.0),
            details("decide").responseTime().percentile(99.0).lt(Integer.getInteger("p99Ms", 1000)));
  }
}
