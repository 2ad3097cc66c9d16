package org.trialledger.verification.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialledger.ledger.bundle.ProofBundle;
import org.trialledger.ledger.bundle.TestLog;
import org.trialledger.ledger.witness.CosignerKey;
import org.trialledger.verification.offline.VerifierCliTest.Result;

/** {@code verify --witness VKEY … --min-witnesses K}: exit 1 naming who cosigned when too few. */
class VerifierWitnessOptionsTest {
  @TempDir Path dir;
  private final TestLog log = new TestLog(6);
  private final CosignerKey a = key("a.example/witness", 1);
  private final CosignerKey b = key("b.example/witness", 2);

  private static CosignerKey key(String name, int seed) {
    byte[] s = new byte[32];
    Arrays.fill(s, (byte) seed);
    return CosignerKey.signer(name, s);
  }

  private String bundleCosignedBy(CosignerKey... witnesses) throws Exception {
    ProofBundle p = log.bundle(2);
    String note = p.checkpoint();
    String body = note.substring(0, note.lastIndexOf("\n\n") + 1);
    StringBuilder cosigned = new StringBuilder(note);
    for (CosignerKey w : witnesses) cosigned.append(w.cosign(body, 1_800_000_000L));
    ProofBundle q =
        new ProofBundle(
            p.contentKind(),
            p.contentHash(),
            null,
            null,
            p.entry(),
            p.leafIndex(),
            p.treeSize(),
            p.inclusionProof(),
            cosigned.toString(),
            p.logKey(),
            p.consistency(),
            null,
            null);
    return Files.writeString(dir.resolve("bundle.json"), q.toJson()).toString();
  }

  private Result verify(String bundle, String... options) {
    String[] args = new String[options.length + 4];
    args[0] = "verify";
    args[1] = bundle;
    args[2] = "--key";
    args[3] = TestLog.KEY.verifierKey();
    System.arraycopy(options, 0, args, 4, options.length);
    return VerifierCliTest.run("", args);
  }

  @Test
  void enoughWitnessesVerify() throws Exception {
    Result r =
        verify(
            bundleCosignedBy(a, b),
            "--witness",
            a.verifierKey(),
            "--witness",
            b.verifierKey(),
            "--min-witnesses",
            "2");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("[PASS]        witnesses"), r.out());
  }

  @Test
  void tooFewFailWithExit1NamingWhoWasFound() throws Exception {
    Result r =
        verify(
            bundleCosignedBy(a),
            "--witness",
            a.verifierKey(),
            "--witness",
            b.verifierKey(),
            "--min-witnesses",
            "2");
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("1 of 2 witnesses cosigned, at least 2 required"), r.out());
    assertTrue(r.out().contains("cosigned by a.example/witness+" + a.keyIdHex()), r.out());
    assertTrue(r.out().contains("no cosignature by b.example/witness+" + b.keyIdHex()), r.out());
    assertTrue(r.out().contains("RESULT: NOT VERIFIED (witnesses)"), r.out());
  }

  @Test
  void aBundleNobodyCosignedFailsOneWitnessByDefault() throws Exception {
    Result r = verify(bundleCosignedBy(), "--witness", a.verifierKey());
    assertEquals(1, r.code(), r.out());
  }

  @Test
  void unusableWitnessOptionsAreRefusedWithExit2() throws Exception {
    String bundle = bundleCosignedBy(a);
    assertEquals(2, verify(bundle, "--witness", "nonsense").code());
    assertEquals(2, verify(bundle, "--witness", TestLog.KEY.verifierKey()).code()); // a log key
    assertEquals(2, verify(bundle, "--min-witnesses", "1").code()); // no --witness
    Result tooMany = verify(bundle, "--witness", a.verifierKey(), "--min-witnesses", "2");
    assertEquals(2, tooMany.code());
    assertTrue(tooMany.err().contains("exceeds the number of distinct witness keys"));
    assertEquals(2, verify(bundle, "--witness", a.verifierKey(), "--min-witnesses", "x").code());
  }
}
