package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, docs/scaling.md: CPU milliseconds per request type. wrk drives each URL against one
 * Payara Micro process after a warm-up, and the CPU the server process and all PostgreSQL processes
 * used during the run (from /proc, user + system) is divided by the requests wrk completed. Writes
 * target/request-cost.txt. Not part of the suite: {@code mvn verify -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=RequestCostBench} (clustering off), and {@link
 * ClusterIT} measures a clustered instance the same way.
 */
class RequestCostBench {
  private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

  @Test
  void cpuPerRequestType() throws Exception {
    Path work =
        Files.createDirectories(
            Paths.get(System.getProperty("war.file")).getParent().resolve("request-cost"));
    Path war = work.resolve("trialledger-bench.war");
    Deployments.application().as(ZipExporter.class).exportTo(war.toFile(), true);
    try (MicroProcess server =
        MicroProcess.start(
            war,
            MicroProcess.freePort(),
            work.resolve("server.log"),
            Map.of("TRIALLEDGER_DEMO_TRIALS", "true"),
            List.of("-XX:+UseSerialGC"),
            MicroProcess.LONE)) {
      server.awaitReady(480_000);
      System.out.println(measure(work, server, "one instance, clustering off", 20));
    }
  }

  /**
   * wrk for {@code seconds} per request type after a warm-up; the table, also written to target.
   */
  static String measure(Path work, MicroProcess server, String what, int seconds) throws Exception {
    Path postLua = work.resolve("post-draft.lua");
    Files.writeString(
        postLua,
        String.join(
            "\n",
            "wrk.method = 'POST'",
            "wrk.body = '{\"publicTitle\":\"Bench draft\"}'",
            "wrk.headers['Content-Type'] = 'application/json'",
            "wrk.headers['Authorization'] = 'Basic c3BvbnNvcjpzcG9uc29yLWRlbW8tcHc='",
            ""));
    String base = server.url().toString().replaceAll("/$", "");
    String entries = new ApiClient(server.url()).get("/api/log/entries?start=0&max=1").body();
    Matcher leaf = Pattern.compile("\"leafHash\"\\s*:\\s*\"([0-9a-f]{64})\"").matcher(entries);
    String receipt = leaf.find() ? "/api/receipts/" + leaf.group(1) : "/api/log/checkpoint";
    List<String[]> runs =
        List.of(
            new String[] {"log checkpoint (API, text)", "/api/log/checkpoint", null},
            new String[] {"receipt lookup (API, JSON)", receipt, null},
            new String[] {"public search (API, JSON)", "/api/trials?q=psoriasis", null},
            new String[] {"public search page (JSF)", "/registry/index.xhtml?q=psoriasis", null},
            new String[] {"home page (JSF)", "/", null},
            new String[] {
              "create draft (API write, Basic auth, ledger entry)",
              "/api/trials",
              postLua.toString()
            });
    StringBuilder report = new StringBuilder("Request costs: " + what + "\n\n");
    report.append(
        "| request | wrk command | requests | req/s | server CPU ms/req | PostgreSQL CPU ms/req |\n");
    report.append("|---|---|---|---|---|---|\n");
    for (String[] run : runs) {
      String url = base + run[1];
      wrk(url, run[2], 5); // warm-up: JIT, caches, pools
      long serverBefore = cpuTicks(server.pid());
      long dbBefore = postgresTicks();
      long wallBefore = System.nanoTime();
      String out = wrk(url, run[2], seconds);
      double elapsed = (System.nanoTime() - wallBefore) / 1e9;
      long serverTicks = cpuTicks(server.pid()) - serverBefore;
      long dbTicks = postgresTicks() - dbBefore;
      Matcher m = REQUESTS.matcher(out);
      long requests = m.find() ? Long.parseLong(m.group(1)) : 0;
      Matcher bad = NON_2XX.matcher(out);
      long failed = bad.find() ? Long.parseLong(bad.group(1)) : 0;
      assertTrue(requests > 0, run[0] + ": no requests\n" + out);
      report.append(
          String.format(
              "| %s | `wrk -t1 -c4 -d%ds%s %s` | %,d (%,d not 2xx) | %.0f | %.2f | %.2f |%n",
              run[0],
              seconds,
              run[2] == null ? "" : " -s post-draft.lua",
              run[1],
              requests,
              failed,
              requests / elapsed,
              ms(serverTicks) / requests,
              ms(dbTicks) / requests));
    }
    report.append(
        "\n(2 cores shared with other work; load average at the end: "
            + Files.readString(Path.of("/proc/loadavg")).trim()
            + ")\n");
    Files.writeString(
        work.getParent().resolve("request-cost.txt"), report.toString(), StandardCharsets.UTF_8);
    return report.toString();
  }

  private static String wrk(String url, String script, int seconds) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("wrk", "-t1", "-c4", "-d" + seconds + "s"));
    if (script != null) cmd.addAll(List.of("-s", script));
    cmd.add(url);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  private static double ms(long ticks) {
    return ticks * 1000.0 / TICKS_PER_SECOND;
  }

  /** utime + stime of a process (all its threads), in clock ticks. */
  private static long cpuTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }

  private static long postgresTicks() throws IOException {
    long sum = 0;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          if (Files.readString(p.resolve("stat")).contains("(postgres)"))
            sum += cpuTicks(Long.parseLong(p.getFileName().toString()));
        } catch (IOException | RuntimeException gone) {
          // ended meanwhile
        }
      }
    }
    return sum;
  }
}
