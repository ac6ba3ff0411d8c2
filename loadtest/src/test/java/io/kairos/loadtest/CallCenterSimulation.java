package io.kairos.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.repeat;
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
 * Call-center agents against a running engine (open workload): a seeding step creates known
 * customers with an e-mail and a phone number; then each arriving call looks the caller up by phone
 * (written the way an agent types it) or e-mail, asks for the next-best action on the call_center
 * channel, and records the customer's answer as feedback.
 *
 * <p>Run: {@code mvn -q -pl loadtest gatling:test -Dsimulation=CallCenterSimulation -Dkairos.url=http://127.0.0.1:8080 -Drate=50 -Dduration=60}
 */
public class CallCenterSimulation extends Simulation {

  static final int CUSTOMERS = Integer.getInteger("customers", 2_000);

  /** Customer i: e-mail cc-i@example.com, phone +1 202-555-xxxx (stored as E.164). */
  static String customerEvents(int from, int to) {
    StringBuilder batch = new StringBuilder("{\"batch\":[");
    for (int i = from; i < to; i++) {
      if (i > from) {
        batch.append(',');
      }
      batch.append("{\"type\":\"identify\",\"channel\":\"web\",\"identifiers\":{\"userId\":\"cc-").append(i)
          .append("\",\"email\":\"cc-").append(i).append("@example.com\",\"phone\":\"+1202555").append(String.format("%04d", i % 10_000))
          .append("\"},\"traits\":{\"name\":\"Customer ").append(i).append("\"}}");
    }
    return batch.append("]}").toString();
  }

  static final Iterator<Map<String, Object>> callers = Stream.generate(() -> {
    int i = ThreadLocalRandom.current().nextInt(CUSTOMERS);
    boolean byPhone = ThreadLocalRandom.current().nextBoolean();
    return Map.<String, Object>of(
        "lookupType", byPhone ? "phone" : "email",
        // agents type numbers in national format; the engine cleans them to E.164
        "lookupValue", byPhone ? "(202)%20555-" + String.format("%04d", i % 10_000) : "CC-" + i + "@Example.com",
        "outcome", ThreadLocalRandom.current().nextInt(3) == 0 ? "accept" : "reject");
  }).iterator();

  static ScenarioBuilder seed() {
    return scenario("seed customers").exec(repeat(CUSTOMERS / 500, "chunk").on(
        exec(session -> session.set("body", customerEvents(session.getInt("chunk") * 500, (session.getInt("chunk") + 1) * 500)))
            .exec(http("seed customers").post("/v1/events").body(StringBody("#{body}")).check(status().is(202)))));
  }

  static ScenarioBuilder agent() {
    return scenario("call-center agent").feed(callers)
        .exec(http("lookup by #{lookupType}").get("/v1/profiles/by/#{lookupType}/#{lookupValue}")
            .check(status().is(200), jsonPath("$.profileId").saveAs("profileId")))
        .exec(http("decide call_center").post("/v1/decide")
            .body(StringBody("{\"profileId\":\"#{profileId}\",\"channel\":\"call_center\",\"limit\":2}"))
            .check(status().is(200), jsonPath("$.decisionId").saveAs("decisionId"),
                jsonPath("$.offers[0].offerId").optional().saveAs("offerId")))
        .doIf(session -> session.contains("offerId")).then(
            exec(http("feedback").post("/v1/feedback")
                .body(StringBody("{\"decisionId\":\"#{decisionId}\",\"offerId\":\"#{offerId}\",\"outcome\":\"#{outcome}\"}"))
                .check(status().is(202))));
  }

  {
    setUp(seed().injectOpen(atOnceUsers(1)),
        agent().injectOpen(nothingFor(5), rampUsersPerSec(1).to(WebsiteMixSimulation.RATE).during(10),
            constantUsersPerSec(WebsiteMixSimulation.RATE).during(WebsiteMixSimulation.DURATION)))
        .protocols(WebsiteMixSimulation.protocol())
        .assertions(
            global().failedRequests().percent().lt(1.0),
            global().responseTime().percentile(99.0).lt(1000));
  }
}
