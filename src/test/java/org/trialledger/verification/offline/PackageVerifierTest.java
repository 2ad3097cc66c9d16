package org.trialledger.verification.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialledger.ledger.bundle.TestLog;
import org.trialledger.verification.offline.VerifierCliTest.Result;

/** {@code verify-package} on a package directory: the same exit codes as {@code verify}. */
class PackageVerifierTest {
  @TempDir Path dir;
  private final TestLog log = new TestLog(4);
  private final String key = TestLog.KEY.verifierKey();

  @BeforeEach
  void aPackage() throws Exception {
    Files.createDirectories(dir.resolve("bundles"));
    Files.createDirectories(dir.resolve("documents"));
    for (int i = 0; i < 3; i++) {
      Files.writeString(dir.resolve("bundles/" + i + ".json"), log.bundle(i).toJson());
      Files.write(dir.resolve("documents/" + i + ".pdf"), log.files.get(i));
    }
    Files.writeString(
        dir.resolve("manifest.json"),
        """
        {"format":"trialledger.inspection-package/1","entries":[
          {"artifact":"doc-0","bundle":"bundles/0.json","file":"documents/0.pdf"},
          {"artifact":"doc-1","bundle":"bundles/1.json","file":"documents/1.pdf"},
          {"artifact":"doc-2","bundle":"bundles/2.json","file":"documents/2.pdf"},
          {"artifact":"doc-3","note":"queued at packaging time: no proof yet"}]}
        """);
  }

  private Result verify(String... more) {
    String[] args = new String[more.length + 2];
    args[0] = "verify-package";
    args[1] = dir.toString();
    System.arraycopy(more, 0, args, 2, more.length);
    return VerifierCliTest.run("", args);
  }

  @Test
  void verifiedOnlyWithAPinnedKey() {
    Result pinned = verify("--key", key);
    assertEquals(0, pinned.code(), pinned.out() + pinned.err());
    assertTrue(pinned.out().contains("3 verified, 0 failed, 1 without proof yet"), pinned.out());
    assertTrue(pinned.out().contains("[PENDING] doc-3"), pinned.out());

    Result unpinned = verify();
    assertEquals(3, unpinned.code(), unpinned.out());
    assertTrue(unpinned.out().contains("[HOLDS]   doc-0"), unpinned.out());
    assertTrue(unpinned.out().contains("3 hold (log key not pinned)"), unpinned.out());
  }

  @Test
  void aTamperedOrStrangeBundleFails() throws Exception {
    Files.write(dir.resolve("documents/1.pdf"), "another document".getBytes());
    Result changed = verify("--key", key);
    assertEquals(1, changed.code(), changed.out());
    assertTrue(changed.out().contains("[FAIL]    doc-1: content"), changed.out());

    Files.write(dir.resolve("documents/1.pdf"), log.files.get(1));
    Files.writeString(
        dir.resolve("bundles/2.json"),
        log.bundle(2).toJson().replace("\"consistency\":", "\"consistencyy\":"));
    Result unknown = verify("--key", key);
    assertEquals(1, unknown.code(), unknown.out());
    assertTrue(unknown.out().contains("unknown member bundle.consistencyy"), unknown.out());
  }

  @Test
  void aPackageWithNothingProvenIsNotVerified() throws Exception {
    Files.writeString(
        dir.resolve("manifest.json"),
        """
        {"format":"trialledger.inspection-package/1","entries":[
          {"artifact":"doc-3","note":"queued at packaging time: no proof yet"}]}
        """);
    Result r = verify("--key", key);
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("nothing was verified"), r.out());
  }

  @Test
  void anAnchorCanBeRequired() {
    Result r = verify("--key", key, "--require-anchor");
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("a Bitcoin anchor is required"), r.out());
  }

  @Test
  void aManifestThatIsNotUtf8IsUnusable() throws Exception {
    Files.write(dir.resolve("manifest.json"), new byte[] {'{', (byte) 0xfe, '}'});
    Result r = verify("--key", key);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("manifest.json is not UTF-8 text: byte 1 (0xfe)"), r.err());
  }
}
