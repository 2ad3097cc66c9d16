package org.trialledger.verification.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialledger.anchoring.bitcoin.BlockHeader;
import org.trialledger.anchoring.bitcoin.SyntheticChain;
import org.trialledger.anchoring.ots.BitcoinAttestation;
import org.trialledger.anchoring.ots.DetachedTimestampFile;
import org.trialledger.anchoring.ots.OpKind;
import org.trialledger.anchoring.ots.Timestamp;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.bundle.ProofBundle;
import org.trialledger.ledger.bundle.TestLog;

/**
 * The verifier's header check on the test network (same code as mainnet): a bundle's timestamp is
 * confirmed only through headers linked to a checkpoint by Bitcoin's rules; a headers file on its
 * own, or one with a forged minimum-difficulty block, confirms nothing.
 */
class VerifierCliHeadersTest {
  static final long BLOCK = 181;
  static SyntheticChain chain;
  static ProofBundle bundle;

  @BeforeAll
  static void anchorABundleInASyntheticChain() {
    System.setProperty("trialledger.chain", "test");
    ProofBundle plain = new TestLog(3).bundle(1);
    byte[] digest = Hash.sha256(plain.checkpoint().getBytes(StandardCharsets.UTF_8)).bytes();
    chain = new SyntheticChain(160, 1_700_000_000L).extendBy(20);
    chain.extend(600, digest);
    chain.extendBy(3);
    DetachedTimestampFile ots =
        new DetachedTimestampFile(
            OpKind.SHA256, Timestamp.of(digest).withAttestation(new BitcoinAttestation(BLOCK)));
    bundle =
        new ProofBundle(
            plain.contentKind(),
            plain.contentHash(),
            plain.saltBase64(),
            plain.record(),
            plain.entry(),
            plain.leafIndex(),
            plain.treeSize(),
            plain.inclusionProof(),
            plain.checkpoint(),
            plain.logKey(),
            plain.consistency(),
            Base64.getEncoder().encodeToString(ots.serialize()),
            null);
  }

  @AfterAll
  static void mainnetAgain() {
    System.clearProperty("trialledger.chain");
  }

  @Test
  void headersLinkedToACheckpointConfirmTheTimestamp(@TempDir Path dir) throws Exception {
    VerifierCliTest.Result r = verify(dir, chain.lines(), "160:" + chain.at(160).blockHashHex());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Bitcoin block " + BLOCK), r.out());
  }

  @Test
  void aHeadersFileAloneIsNotTrusted(@TempDir Path dir) throws Exception {
    VerifierCliTest.Result r = verify(dir, chain.lines(), null);
    assertFalse(r.out().contains("existed by Bitcoin block"), r.out());
    assertTrue(r.out().contains("do not link to a trusted block"), r.out());
  }

  @Test
  void aForgedMinimumDifficultyBranchIsRefused(@TempDir Path dir) throws Exception {
    // from 176 on, blocks at the test network's minimum difficulty (cheap to mine), still
    // committing to the checkpoint at 181: the difficulty rule demands a harder target there
    List<String> lines = new ArrayList<>();
    BlockHeader previous = chain.at(175);
    for (long h = 160; h <= 175; h++) lines.add(line(h, chain.at(h)));
    for (long h = 176; h <= chain.tipHeight(); h++) {
      BlockHeader real = chain.at(h);
      BlockHeader forged =
          SyntheticChain.mine(
              previous.hashInternalOrder(),
              real.merkleRoot(),
              real.timeSeconds(),
              chain.at(160).bits());
      lines.add(line(h, forged));
      previous = forged;
    }
    VerifierCliTest.Result r = verify(dir, lines, "160:" + chain.at(160).blockHashHex());
    assertFalse(r.out().contains("existed by Bitcoin block"), r.out());
    assertTrue(r.out().contains("difficulty rule"), r.out());
  }

  @Test
  void aMalformedCheckpointIsUnusableInput(@TempDir Path dir) throws Exception {
    assertEquals(2, verify(dir, chain.lines(), "160:nothex").code());
    assertEquals(2, verify(dir, chain.lines(), "x").code());
  }

  private static VerifierCliTest.Result verify(Path dir, List<String> headers, String checkpoint)
      throws Exception {
    Path b = Files.writeString(dir.resolve("bundle.json"), bundle.toJson());
    Path h = Files.write(dir.resolve("headers.txt"), headers);
    List<String> args =
        new ArrayList<>(
            List.of("verify", b.toString(), "--key", TestLog.KEY.verifierKey(), "--headers"));
    args.add(h.toString());
    if (checkpoint != null) {
      args.add("--checkpoint");
      args.add(checkpoint);
    }
    return VerifierCliTest.run("", args.toArray(String[]::new));
  }

  private static String line(long height, BlockHeader h) {
    return height + " " + HexFormat.of().formatHex(h.bytes());
  }
}
