package org.trialledger.it;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Payara Micro process of our own (the jar Maven resolved for the tests), for tests that must
 * kill the server with SIGKILL and start it again on the same database, which Arquillian cannot do.
 */
final class MicroProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  private MicroProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static MicroProcess start(Path war, int port, Path log) throws IOException {
    return start(war, port, log, Map.of());
  }

  /** With {@code env} over the build's TRIALLEDGER_* variables (e.g. another key file). */
  static MicroProcess start(Path war, int port, Path log, Map<String, String> env)
      throws IOException {
    return start(war, port, log, env, List.of(), LONE);
  }

  /**
   * One instance, as the run command starts it: no cluster, and sessions in memory with only the
   * JSESSIONID cookie (Payara Micro would otherwise keep them in its local grid, versioned).
   */
  static final List<String> LONE =
      List.of(
          "--nocluster",
          "--prebootcommandfile",
          Path.of("src/main/payara/single-preboot.asadmin").toAbsolutePath().toString());

  /**
   * With {@code jvmOptions} before {@code -jar} and {@code options} for Payara Micro instead of
   * {@link #LONE} (clustering: {@link ClusterIT}).
   */
  static MicroProcess start(
      Path war,
      int port,
      Path log,
      Map<String, String> env,
      List<String> jvmOptions,
      List<String> options)
      throws IOException {
    String jar =
        new File(
                fish.payara.micro.PayaraMicro.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .getPath())
            .getPath();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    // Hazelcast reports itself to hazelcast.com at start unless told not to
    command.add("-Dhazelcast.phone.home.enabled=false");
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-jar",
            jar,
            "--deploy",
            war.toString(),
            "--contextroot",
            "/",
            "--port",
            String.valueOf(port)));
    command.addAll(options);
    ProcessBuilder pb = new ProcessBuilder(command);
    // TRIALLEDGER_* (database, demo seed, key file) come from the build, as for the Arquillian
    // tests.
    Map<String, String> environment = pb.environment();
    environment.putIfAbsent("TRIALLEDGER_DEMO_SEED", "true");
    // as in production: a refused start ends the process (Arquillian's container must not)
    environment.put("TRIALLEDGER_EXIT_ON_REFUSED_START", "true");
    environment.putAll(env);
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return new MicroProcess(pb.start(), port);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  URL url() throws IOException {
    return new URL("http://127.0.0.1:" + port + "/");
  }

  /** Waits until /health answers UP (200) with the application's checks. */
  void awaitReady(long timeoutMillis) throws Exception {
    // a loaded shared machine may need longer: -Dit.startup.timeout.ms raises (never lowers) it
    timeoutMillis = Math.max(timeoutMillis, Long.getLong("it.startup.timeout.ms", 0));
    ApiClient client = new ApiClient(url());
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive())
        throw new IllegalStateException("Payara Micro exited with " + process.exitValue());
      try {
        var health = client.get("/health");
        if (health.statusCode() == 200 && health.body().contains("\"database\"")) return;
      } catch (IllegalStateException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("Payara Micro was not ready within " + timeoutMillis + " ms");
  }

  /**
   * Waits for the process to end by itself and returns its exit status; fails if the application
   * becomes ready instead, or if the process stays up (a failed deployment that keeps answering).
   */
  int awaitExit(long timeoutMillis) throws Exception {
    ApiClient client = new ApiClient(url());
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (process.isAlive()) {
      if (System.currentTimeMillis() > deadline)
        throw new IllegalStateException(
            "Payara Micro neither exited nor started within " + timeoutMillis + " ms");
      String health;
      try {
        var answer = client.get("/health");
        health = answer.statusCode() == 200 ? answer.body() : "";
      } catch (IllegalStateException notListening) {
        health = "";
      }
      if (health.contains("\"database\""))
        throw new IllegalStateException("Payara Micro started instead of refusing: " + health);
      Thread.sleep(500);
    }
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hooks, no chance to finish anything. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      process.waitFor();
    }
  }
}
