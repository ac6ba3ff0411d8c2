package io.kairos.engine.api;

import static io.kairos.engine.api.IdentityJourneyTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.kairos.engine.TestEngines;
import io.kairos.engine.api.IdentityJourneyTest.Response;
import io.kairos.engine.config.ConfigLoader;
import io.kairos.engine.error.ConfigException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contact policies against a real engine: a frequency cap, a cooldown after a reject, suppression
 * after an accept and after a purchase, and the global daily cap, each named in the decision's
 * reasons; the history survives a restart and is erased with the person.
 */
class ContactPolicyJourneyTest {

  @TempDir Path dataDir;

  static final String OFFERS = """
      contactPolicy:
        maxPerDay: 7
        rejectCooldownHours: 72
        channelCaps:
          email: [{limit: 1, hours: 24}]
      offers:
        - id: capped
          name: Twice a day at most
          channels: [web]
          value: 50
          contact: {caps: [{limit: 2, hours: 24}]}
        - id: ask-once
          name: Rejections cool it down
          channels: [web]
          value: 40
        - id: one-time
          name: Accepted once is enough
          channels: [web]
          value: 30
          contact: {acceptSuppressionHours: 720}
        - id: cart-nudge
          name: Not right after a purchase
          channels: [web]
          value: 20
          contact: {purchaseSuppressionHours: 24}
      """;

  static JsonObject decide(int port) {
    return decideFor(port, "userId", "ann");
  }

  static Map<String, String> why(JsonObject decision) {
    Map<String, String> out = new HashMap<>();
    decision.getJsonArray("excluded").forEach(e -> out.put(((JsonObject) e).getString("offerId"), ((JsonObject) e).getString("reason")));
    return out;
  }

  static List<String> chosen(JsonObject decision) {
    return decision.getJsonArray("offers").stream().map(o -> ((JsonObject) o).getString("offerId")).toList();
  }

  static void feedback(int port, JsonObject decision, String offerId, String outcome) {
    Response r = send(port, "POST", "/v1/feedback", new JsonObject().put("decisionId", decision.getString("decisionId"))
        .put("offerId", offerId).put("outcome", outcome));
    assertThat(r.status()).as(r.body().encode()).isEqualTo(202);
  }

  @Test
  void capsCooldownSuppressionsAndTheDailyCapExplainThemselvesAndPersist() throws Exception {
    Path offers = dataDir.resolve("offers.yaml");
    Files.writeString(offers, OFFERS);
    Map<String, String> config = Map.of("decide.offersFile", offers.toString());
    try (TestEngines.Running engine = TestEngines.start(dataDir.resolve("data"), config)) {
      int port = engine.port();
      assertThat(send(port, "POST", "/v1/events", new JsonObject().put("type", "identify").put("channel", "web")
          .put("identifiers", new JsonObject().put("userId", "ann"))).status()).isEqualTo(202);
      JsonObject first = decide(port);
      assertThat(chosen(first)).containsExactly("capped", "ask-once", "one-time", "cart-nudge");
      feedback(port, first, "ask-once", "reject");
      feedback(port, first, "one-time", "accept");
      JsonObject second = decide(port);
      assertThat(chosen(second)).containsExactly("capped", "cart-nudge");
      assertThat(why(second).get("ask-once")).startsWith("contact policy: rejected 0 min ago; cooldown 72 h after a reject");
      assertThat(why(second).get("one-time")).startsWith("contact policy: accepted 0 min ago; suppressed 720 h after an accept");
      JsonObject third = decide(port);
      assertThat(why(third).get("capped")).startsWith("contact policy: capped, this offer was offered 2 times in the last 24 h (limit 2)");
      assertThat(chosen(third)).containsExactly("cart-nudge");
      assertThat(send(port, "POST", "/v1/events", new JsonObject().put("type", "purchase").put("channel", "web")
          .put("identifiers", new JsonObject().put("userId", "ann")).put("properties", new JsonObject().put("orderId", "o1")
              .put("revenue", 20))).status()).isEqualTo(202);
      JsonObject fourth = decide(port);
      assertThat(why(fourth).get("cart-nudge")).startsWith("contact policy: purchased 0 min ago; suppressed 24 h after a purchase");
      assertThat(chosen(fourth)).isEmpty();
    }
    try (TestEngines.Running engine = TestEngines.start(dataDir.resolve("data"), config)) {
      int port = engine.port();
      JsonObject afterRestart = decide(port);
      assertThat(why(afterRestart).get("capped")).as("history restored from the store").contains("capped");
      assertThat(why(afterRestart).get("ask-once")).contains("rejected");
      String profileId = afterRestart.getString("profileId");
      assertThat(send(port, "DELETE", "/v1/profiles/" + profileId, null).status()).isEqualTo(200);
      assertThat(send(port, "POST", "/v1/events", new JsonObject().put("type", "identify").put("channel", "web")
          .put("identifiers", new JsonObject().put("userId", "ann"))).status()).isEqualTo(202);
      assertThat(chosen(decide(port))).as("erased with the person").containsExactlyInAnyOrder("capped", "ask-once", "one-time", "cart-nudge");
    }
  }

  /**
   * A page with several placements asks for decisions for one person at once: eight decides in parallel
   * must still serve the capped offer twice at most and seven offers in all (the daily cap). Before served
   * offers were appended only to the history a decision read, up to seven of the eight served it.
   */
  @Test
  void capsHoldWhenOnePersonGetsDecisionsInParallel() throws Exception {
    capsHoldUnderParallelDecides(Map.of());
  }

  /**
   * The same with {@code decide.optimisticServeAttempts} at 1: every decision that finds its history changed
   * decides again holding the person's lock, the path that keeps caps beyond 16 decides at once (before it,
   * the 16th attempt served regardless of the caps).
   */
  @Test
  void capsHoldWhenContendedDecisionsTakeThePersonsLock() throws Exception {
    capsHoldUnderParallelDecides(Map.of("decide.optimisticServeAttempts", "1"));
  }

  private void capsHoldUnderParallelDecides(Map<String, String> settings) throws Exception {
    Path offers = dataDir.resolve("offers.yaml");
    Files.writeString(offers, OFFERS);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    Map<String, String> overrides = new java.util.HashMap<>(settings);
    overrides.put("decide.offersFile", offers.toString());
    try (TestEngines.Running engine = TestEngines.start(dataDir.resolve("data"), overrides)) {
      int port = engine.port();
      for (int round = 0; round < 10; round++) {
        String user = "parallel-" + round;
        event(port, "identify", new JsonObject().put("userId", user));
        List<Callable<JsonObject>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          calls.add(() -> decideFor(port, "userId", user));
        }
        int capped = 0;
        int served = 0;
        for (Future<JsonObject> f : pool.invokeAll(calls)) {
          List<String> chosen = chosen(f.get());
          capped += chosen.contains("capped") ? 1 : 0;
          served += chosen.size();
        }
        assertThat(capped).as("round %d: decisions serving the offer capped at 2 a day", round).isEqualTo(2);
        assertThat(served).as("round %d: offers served in all, daily cap 7", round).isEqualTo(7);
      }
    } finally {
      pool.shutdown();
    }
  }

  static JsonObject decideFor(int port, String type, String value) {
    Response r = send(port, "POST", "/v1/decide", new JsonObject().put("identifiers", new JsonObject().put(type, value))
        .put("channel", "web").put("limit", 4));
    assertThat(r.status()).as(r.body().encode()).isEqualTo(200);
    return r.body();
  }

  static void event(int port, String type, JsonObject identifiers) {
    Response r = send(port, "POST", "/v1/events", new JsonObject().put("type", type).put("channel", "web").put("identifiers", identifiers));
    assertThat(r.status()).as(r.body().encode()).isEqualTo(202);
  }

  /**
   * An anonymous visitor reaches an offer's cap, then logs in to an account that already has a
   * profile: whichever of the two profiles survives the merge (the smaller id), the cap still holds,
   * also after a restart. Six people, so both directions of the merge are all but certainly exercised.
   */
  @Test
  void contactsOfAMergedProfileCountForTheSurvivor() throws Exception {
    Path offers = dataDir.resolve("offers.yaml");
    Files.writeString(offers, OFFERS);
    Map<String, String> config = Map.of("decide.offersFile", offers.toString());
    int people = 6;
    int anonymousMergedAway = 0;
    try (TestEngines.Running engine = TestEngines.start(dataDir.resolve("data"), config)) {
      int port = engine.port();
      for (int i = 0; i < people; i++) {
        event(port, "identify", new JsonObject().put("userId", "known-" + i));
        event(port, "page_view", new JsonObject().put("anonymousId", "anon-" + i));
        String anonymousProfile = decideFor(port, "anonymousId", "anon-" + i).getString("profileId");
        assertThat(anonymousProfile).isNotNull();
        assertThat(chosen(decideFor(port, "anonymousId", "anon-" + i))).contains("capped");
        assertThat(why(decideFor(port, "anonymousId", "anon-" + i)).get("capped")).as("capped while anonymous").contains("capped");
        assertThat(chosen(decideFor(port, "userId", "known-" + i))).as("the account has its own history").contains("capped");
        event(port, "identify", new JsonObject().put("anonymousId", "anon-" + i).put("userId", "known-" + i));
        JsonObject merged = decideFor(port, "userId", "known-" + i);
        assertThat(merged.getString("profileId")).as("one person now").isEqualTo(decideFor(port, "anonymousId", "anon-" + i).getString("profileId"));
        if (!merged.getString("profileId").equals(anonymousProfile)) {
          anonymousMergedAway++;
        }
        assertThat(why(merged).get("capped")).as("person " + i + ": the anonymous contacts count after the merge")
            .startsWith("contact policy: capped, this offer was offered 3 times in the last 24 h (limit 2)");
      }
    }
    System.out.printf("merged contact histories: the anonymous profile was merged away for %d of %d people%n", anonymousMergedAway, people);
    try (TestEngines.Running engine = TestEngines.start(dataDir.resolve("data"), config)) {
      for (int i = 0; i < people; i++) {
        assertThat(why(decideFor(engine.port(), "userId", "known-" + i)).get("capped")).as("person " + i + " after a restart")
            .startsWith("contact policy: capped, this offer was offered 3 times in the last 24 h (limit 2)");
      }
    }
  }

  /**
   * A reject sent after a merge, answering a decision made for the anonymous profile before it, cools
   * the offer down for the person as they are now, whichever profile survived. People are added until
   * both directions of the merge have been seen (two in a row the same way has odds of one half; twenty has 2^-19).
   */
  @Test
  void anAnswerToADecisionMadeBeforeAMergeCountsForTheSurvivor() throws Exception {
    Path offers = dataDir.resolve("offers.yaml");
    Files.writeString(offers, OFFERS);
    int mergedAway = 0;
    int kept = 0;
    try (TestEngines.Running engine = TestEngines.start(dataDir.resolve("data"), Map.of("decide.offersFile", offers.toString()))) {
      int port = engine.port();
      for (int i = 0; i < 20 && (mergedAway == 0 || kept == 0); i++) {
        event(port, "identify", new JsonObject().put("userId", "member-" + i));
        event(port, "page_view", new JsonObject().put("anonymousId", "visitor-" + i));
        JsonObject beforeMerge = decideFor(port, "anonymousId", "visitor-" + i);
        assertThat(chosen(beforeMerge)).contains("ask-once");
        event(port, "identify", new JsonObject().put("anonymousId", "visitor-" + i).put("userId", "member-" + i));
        feedback(port, beforeMerge, "ask-once", "reject");
        JsonObject after = decideFor(port, "userId", "member-" + i);
        if (after.getString("profileId").equals(beforeMerge.getString("profileId"))) {
          kept++;
        } else {
          mergedAway++;
        }
        assertThat(chosen(after)).as("person " + i).doesNotContain("ask-once");
        assertThat(why(after).get("ask-once")).as("person " + i)
            .startsWith("contact policy: rejected 0 min ago; cooldown 72 h after a reject");
      }
    }
    assertThat(mergedAway).as("the decision's profile was merged away at least once").isPositive();
    assertThat(kept).as("the decision's profile survived at least once").isPositive();
  }

  @Test
  void theDailyCapLimitsHowManyOffersAPersonGets() throws Exception {
    Path offers = dataDir.resolve("offers.yaml");
    Files.writeString(offers, OFFERS.replace("maxPerDay: 7", "maxPerDay: 3"));
    try (TestEngines.Running engine = TestEngines.start(dataDir.resolve("data"), Map.of("decide.offersFile", offers.toString()))) {
      int port = engine.port();
      send(port, "POST", "/v1/events", new JsonObject().put("type", "identify").put("channel", "web")
          .put("identifiers", new JsonObject().put("userId", "ann")));
      assertThat(chosen(decide(port))).hasSize(3);
      JsonObject capped = decide(port);
      assertThat(chosen(capped)).isEmpty();
      assertThat(why(capped).values()).allMatch(r -> r.contains("daily maximum of 3 offers") || r.contains("capped"));
    }
  }

  @Test
  void anExclusionOfNothingOrOfItsOwnGroupIsRefusedAtLoadAndCyclesAreFine() throws Exception {
    Path offers = dataDir.resolve("offers.yaml");
    String cycle = """
        offers:
          - {id: a, name: A, channels: [web], value: 1, excludes: [b]}
          - {id: b, name: B, channels: [web], value: 1, excludes: [a]}
        """;
    Files.writeString(offers, cycle);
    try (TestEngines.Running engine = TestEngines.start(dataDir.resolve("data"), Map.of("decide.offersFile", offers.toString()))) {
      JsonArray got = send(engine.port(), "POST", "/v1/decide", new JsonObject().put("identifiers", new JsonObject().put("userId", "x"))
          .put("channel", "web")).body().getJsonArray("offers");
      assertThat(got).as("mutual exclusion: one of the two").hasSize(1);
    }
    Files.writeString(offers, cycle.replace("excludes: [a]", "excludes: [zzz]"));
    assertThatConfig(offers).contains("offers[1].excludes[0]: zzz is neither an offer nor a group");
    Files.writeString(offers, "offers:\n  - {id: a, name: A, channels: [web], value: 1, group: g, excludes: [g]}\n");
    assertThatConfig(offers).contains("cannot exclude its own group");
    Files.writeString(offers, "offers:\n  - {id: a, name: A, channels: [web], value: 1, contact: {caps: [{limit: 0, hours: 24}]}}\n");
    assertThatConfig(offers).contains("limit must be at least 1");
  }

  static org.assertj.core.api.AbstractStringAssert<?> assertThatConfig(Path offers) {
    try {
      io.kairos.engine.decide.OfferCatalog.load(offers);
    } catch (ConfigException e) {
      return assertThat(e.getMessage());
    }
    throw new AssertionError("loaded " + offers);
  }
}
