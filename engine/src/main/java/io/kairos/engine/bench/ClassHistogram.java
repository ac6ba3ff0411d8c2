package io.kairos.engine.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * The JVM's live-object histogram by class (the {@code GC.class_histogram} diagnostic command, run
 * in-process through its MBean, so no attach is needed; it collects garbage first), and the classes
 * that grew most between two of them.
 */
record ClassHistogram(Map<String, long[]> byClass) {

  private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)", Pattern.MULTILINE);

  static ClassHistogram take() throws Exception {
    String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
        "gcClassHistogram", new Object[] {null}, new String[] {String[].class.getName()});
    return parse(text);
  }

  static ClassHistogram parse(String text) {
    Map<String, long[]> byClass = new HashMap<>();
    Matcher m = ROW.matcher(text);
    while (m.find()) {
      byClass.merge(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))},
          (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
    }
    return new ClassHistogram(byClass);
  }

  /** The {@code n} classes whose bytes grew most from {@code before}, per {@code per} (e.g. per profile). */
  JsonArray largestGrowth(ClassHistogram before, int n, long per) {
    JsonArray out = new JsonArray();
    byClass.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), new long[] {e.getValue()[0] - before.of(e.getKey())[0], e.getValue()[1] - before.of(e.getKey())[1]}))
        .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
        .limit(n)
        .forEach(e -> out.add(new JsonObject().put("class", e.getKey())
            .put("bytes_per", Math.round(10.0 * e.getValue()[1] / per) / 10.0)
            .put("instances_per", Math.round(100.0 * e.getValue()[0] / per) / 100.0)));
    return out;
  }

  private long[] of(String type) {
    return byClass.getOrDefault(type, new long[2]);
  }
}
