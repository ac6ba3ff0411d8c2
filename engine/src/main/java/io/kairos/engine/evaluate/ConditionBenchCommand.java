package io.kairos.engine.evaluate;

import com.sun.management.ThreadMXBean;
import io.kairos.engine.bench.SyntheticCatalog;
import io.kairos.engine.decide.OfferCatalog;
import io.kairos.engine.decide.OfferCondition;
import io.kairos.engine.decide.ProfileActivation;
import io.kairos.engine.profile.Profile;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kairos policy bench-conditions}: what evaluating the offer conditions costs, alone. It
 * compiles the distinct conditions of the synthetic N-offer catalog (N + 1), evaluates all of them
 * against decide's own activation for a person, as decide does once per decision, and reports the
 * time and the bytes allocated per condition and per decision, on one thread. {@code --planner}
 * uses CEL's planner runtime instead of the standard one decide uses.
 */
@Command(name = "bench-conditions", mixinStandardHelpOptions = true, description = "Time and allocation of evaluating the offer conditions.")
final class ConditionBenchCommand implements Callable<Integer> {

  @Option(names = "--offers", defaultValue = "200", description = "offers in the synthetic catalog (default ${DEFAULT-VALUE})") int offers;
  @Option(names = "--rounds", defaultValue = "5000", description = "measured evaluations of every condition (default ${DEFAULT-VALUE})")
  int rounds;
  @Option(names = "--planner", description = "CEL's planner runtime instead of the standard one") boolean planner;

  @Override
  public Integer call() throws Exception {
    Set<String> sources = new LinkedHashSet<>();
    for (OfferCatalog.OfferSpec spec : SyntheticCatalog.specs(offers)) {
      sources.addAll(spec.conditions());
    }
    OfferCondition[] conditions = new OfferCondition[sources.size()];
    int k = 0;
    for (String source : sources) {
      conditions[k++] = OfferCondition.compile(source, planner);
    }
    Map<String, Object> activation = OfferCondition.activation(Map.of("profile",
        ProfileActivation.of(Profile.empty("bench"), 0.3, Map.of("personalization", true), System.currentTimeMillis()),
        "context", Map.of(), "channel", "web", "placement", ""));
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    evaluate(conditions, activation, Math.max(1, rounds / 2)); // warm-up
    long bytes = threads.getCurrentThreadAllocatedBytes();
    long start = System.nanoTime();
    long held = evaluate(conditions, activation, rounds);
    long nanos = System.nanoTime() - start;
    bytes = threads.getCurrentThreadAllocatedBytes() - bytes;
    double evaluations = (double) rounds * conditions.length;
    System.out.println(new JsonObject().put("runtime", planner ? "planner" : "standard").put("offers", offers)
        .put("conditions", conditions.length).put("rounds", rounds).put("held", held) // conditions that held, over the measured rounds
        .put("ns_per_condition", Math.round(nanos / evaluations)).put("bytes_per_condition", Math.round(bytes / evaluations))
        .put("us_per_decision", Math.round(nanos / 1e3 / rounds * 10) / 10.0).put("kb_per_decision", Math.round(bytes / 1024.0 / rounds))
        .encodePrettily());
    return 0;
  }

  private static long evaluate(OfferCondition[] conditions, Map<String, Object> activation, int rounds) throws Exception {
    long held = 0;
    for (int r = 0; r < rounds; r++) {
      for (OfferCondition c : conditions) {
        held += c.test(activation) ? 1 : 0;
      }
    }
    return held;
  }
}
