package io.kairos.engine.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code wrk} with a Lua script that shapes the requests and prints the figures as JSON. */
public final class WrkRunner {

  /** Appended to every script: one machine-readable line with the whole latency distribution. */
  static final String DONE = """
      done = function(summary, latency, requests)
        local e = summary.errors
        io.write(string.format('BENCH {"requests":%d,"duration_us":%d,"errors":%d,"p50":%d,"p95":%d,"p99":%d,"p999":%d,"max":%d}\\n',
          summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
          latency:percentile(50), latency:percentile(95), latency:percentile(99), latency:percentile(99.9), latency.max))
      end
      """;

  private final String wrk;
  private final int threads;
  private final int connections;
  private final Path workDir;

  public WrkRunner(String wrk, int threads, int connections, Path workDir) {
    this.wrk = wrk;
    this.threads = threads;
    this.connections = connections;
    this.workDir = workDir;
  }

  /** Runs {@code script} (Lua defining {@code request} or {@code init}, or empty for a plain GET) against {@code url}. */
  public WrkResult run(String name, String url, String script, int seconds) throws IOException, InterruptedException {
    Path lua = workDir.resolve(name + ".lua");
    Files.writeString(lua, script + "\n" + DONE, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder(List.of(wrk, "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--timeout", "5s",
        "-s", lua.toString(), url)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("wrk failed for " + name + ":\n" + out);
    }
    return WrkResult.parse(out);
  }

  /** Whether the configured wrk can be run. */
  public static boolean available(String wrk) {
    try {
      Process p = new ProcessBuilder(wrk, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      p.waitFor(10, TimeUnit.SECONDS);
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
