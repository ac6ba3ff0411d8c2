package io.kairos.engine.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the benchmark ran on, from /proc and the JVM, so every figure names its machine. */
final class Machine {

  private Machine() {}

  static JsonObject describe(String wrk) {
    int cores = Runtime.getRuntime().availableProcessors();
    String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
    String memKb = firstValue(Path.of("/proc/meminfo"), "MemTotal");
    long memGiB = memKb == null ? -1 : Math.round(Long.parseLong(memKb.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
    String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
    String os = System.getProperty("os.name") + " " + System.getProperty("os.version");
    String description = String.format(Locale.ROOT, "%d cores (%s), %d GiB RAM, %s, %s", cores, cpu == null ? "unknown CPU" : cpu,
        memGiB, jdk, os);
    return new JsonObject().put("cores", cores).put("cpu", cpu).put("memory_gib", memGiB).put("jdk", jdk).put("os", os)
        .put("wrk", wrk).put("description", description);
  }

  private static String firstValue(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.startsWith(key)) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException e) {
      return null;
    }
    return null;
  }
}
