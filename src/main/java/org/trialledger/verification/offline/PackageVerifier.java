package org.trialledger.verification.offline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.trialledger.ledger.bundle.BundleVerifier;
import org.trialledger.ledger.bundle.ProofBundle;
import org.trialledger.ledger.bundle.TimestampCheck;
import org.trialledger.ledger.bundle.VerificationReport;
import org.trialledger.ledger.bundle.WitnessRequirement;
import org.trialledger.ledger.json.JsonParser;

/**
 * Verifies an inspection package (a directory or the zip itself): every bundle its manifest lists,
 * against the artifact's bytes where the package holds them. One line per entry; the count of
 * failures decides.
 */
final class PackageVerifier {
  private PackageVerifier() {}

  /** How many entries failed, held and had no proof yet. */
  record Result(int failed, int passed, int unproven) {}

  static Result verify(
      Path location,
      Optional<String> key,
      Optional<TimestampCheck> timestamps,
      boolean requireAnchor,
      WitnessRequirement witnesses,
      PrintStream out)
      throws IOException {
    Map<String, byte[]> files = read(location);
    byte[] manifestBytes = files.get("manifest.json");
    if (manifestBytes == null)
      throw new IllegalArgumentException("no manifest.json: not an inspection package");
    Map<?, ?> manifest =
        (Map<?, ?>) JsonParser.parse(Utf8Text.decode(manifestBytes, "manifest.json"));
    if (!"trialledger.inspection-package/1".equals(manifest.get("format")))
      throw new IllegalArgumentException("unknown package format " + manifest.get("format"));
    List<?> entries = (List<?>) manifest.get("entries");
    int failed = 0;
    int passed = 0;
    int unproven = 0;
    for (Object o : entries) {
      Map<?, ?> entry = (Map<?, ?>) o;
      String artifact = String.valueOf(entry.get("artifact"));
      Object bundlePath = entry.get("bundle");
      if (bundlePath == null) {
        unproven++;
        out.println("[PENDING] " + artifact + ": " + entry.get("note"));
        continue;
      }
      byte[] bundleBytes = files.get((String) bundlePath);
      if (bundleBytes == null) {
        failed++;
        out.println("[FAIL]    " + artifact + ": the package lacks " + bundlePath);
        continue;
      }
      Object filePath = entry.get("file");
      Optional<byte[]> file =
          filePath == null ? Optional.empty() : Optional.ofNullable(files.get((String) filePath));
      if (filePath != null && file.isEmpty()) {
        failed++;
        out.println("[FAIL]    " + artifact + ": the package lacks " + filePath);
        continue;
      }
      VerificationReport report;
      try {
        report =
            BundleVerifier.verify(
                ProofBundle.parse(Utf8Text.decode(bundleBytes, (String) bundlePath)),
                file,
                key,
                timestamps,
                requireAnchor,
                witnesses);
      } catch (IllegalArgumentException e) {
        failed++;
        out.println("[FAIL]    " + artifact + ": unreadable bundle: " + e.getMessage());
        continue;
      }
      if (report.holds()) {
        passed++;
        String timestamp =
            report.steps().stream()
                .filter(s -> s.name().equals("timestamp"))
                .map(s -> s.outcome() + " " + s.detail())
                .findFirst()
                .orElse("");
        out.println(
            (report.verified() ? "[PASS]    " : "[HOLDS]   ")
                + artifact
                + (filePath == null ? "" : " = " + filePath)
                + (timestamp.isEmpty() ? "" : "; timestamp " + timestamp));
      } else {
        failed++;
        VerificationReport.Step step = report.firstFailure().orElseThrow();
        out.println("[FAIL]    " + artifact + ": " + step.name() + ": " + step.detail());
      }
    }
    out.println(
        passed
            + (key.isPresent() ? " verified, " : " hold (log key not pinned), ")
            + failed
            + " failed, "
            + unproven
            + " without proof yet, of "
            + entries.size()
            + " entries");
    return new Result(failed, passed, unproven);
  }

  private static Map<String, byte[]> read(Path location) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    if (Files.isDirectory(location)) {
      try (var walk = Files.walk(location)) {
        for (Path p : walk.filter(Files::isRegularFile).toList()) {
          files.put(location.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
        }
      }
      return files;
    }
    try (ZipFile zip = new ZipFile(location.toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        if (!e.isDirectory()) files.put(e.getName(), zip.getInputStream(e).readAllBytes());
      }
    }
    return files;
  }
}
