package org.trialledger.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Go program under src/test/go, built in GOPATH mode against Debian's golang-golang-x-mod-dev
 * (installed by .ci/run; nothing is downloaded): an implementation of signed notes and tiled logs
 * that shares no code with ours. Tests using it are skipped only where {@code go} is absent.
 */
public final class GoProgram {
  private static final Path GOPATH = Path.of("/usr/share/gocode");
  private static final Path TARGET = Path.of("target", "go");

  private final Path binary;

  private GoProgram(Path binary) {
    this.binary = binary;
  }

  /** Builds src/test/go/NAME, or skips the calling test when Go or x/mod is not installed. */
  public static GoProgram build(String name) throws Exception {
    assumeTrue(onPath("go"), "go is not installed (apt-get install golang-go)");
    assumeTrue(
        Files.isDirectory(GOPATH.resolve("src/golang.org/x/mod/sumdb/tlog")),
        "golang-golang-x-mod-dev is not installed");
    Files.createDirectories(TARGET);
    Path binary = TARGET.resolve(name).toAbsolutePath();
    Result r = run(List.of("go", "build", "-o", binary.toString(), "./src/test/go/" + name));
    assertEquals(0, r.exit(), "go build: " + r.output());
    return new GoProgram(binary);
  }

  public Result run(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(binary.toString()));
    cmd.addAll(List.of(args));
    return run(cmd);
  }

  /** Exit status and combined output. */
  public record Result(int exit, String output) {}

  private static Result run(List<String> command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("GO111MODULE", "off");
    env.put("GOPATH", GOPATH.toString());
    env.put("GOCACHE", TARGET.toAbsolutePath().resolve("go-build-cache").toString());
    env.put("GOFLAGS", "");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), out);
  }

  private static boolean onPath(String exe) {
    String path = System.getenv("PATH");
    if (path == null) return false;
    for (String dir : path.split(":")) if (Files.isExecutable(Path.of(dir, exe))) return true;
    return false;
  }
}
