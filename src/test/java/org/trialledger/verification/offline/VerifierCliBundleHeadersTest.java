package org.trialledger.verification.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
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
 * The headers a bundle carries (its attested block's difficulty period up to the block) confirm the
 * timestamp with nothing but the pinned key and a trusted block: validated like any header, never
 * trusted for being in the bundle. Test network (same code as mainnet): the block is 181, its
 * period starts at 176.
 */
class VerifierCliBundleHeadersTest {
  static final long BLOCK = 181;
  static final long PERIOD_START = 176;
  static SyntheticChain chain;
  static ProofBundle plain;
  static String ots;

  @BeforeAll
  static void anchorABundleInASyntheticChain() {
    System.setProperty("trialledger.chain", "test");
    plain = new TestLog(3).bundle(1);
    byte[] digest = Hash.sha256(plain.checkpoint().getBytes(StandardCharsets.UTF_8)).bytes();
    chain = new SyntheticChain(160, 1_700_000_000L).extendBy(20);
    chain.extend(600, digest);
    chain.extendBy(3);
    ots =
        Base64.getEncoder()
            .encodeToString(
                new DetachedTimestampFile(
                        OpKind.SHA256,
                        Timestamp.of(digest).withAttestation(new BitcoinAttestation(BLOCK)))
                    .serialize());
  }

  @AfterAll
  static void mainnetAgain() {
    System.clearProperty("trialledger.chain");
  }

  static ProofBundle carrying(List<BlockHeader> headers, long from) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    headers.forEach(h -> bytes.writeBytes(h.bytes()));
    return new ProofBundle(
            plain.contentKind(),
            plain.contentHash(),
            null,
            null,
            plain.entry(),
            plain.leafIndex(),
            plain.treeSize(),
            plain.inclusionProof(),
            plain.checkpoint(),
            plain.logKey(),
            plain.consistency(),
            ots,
            null)
        .withBitcoinHeaders(List.of(new ProofBundle.HeaderRun(from, bytes.toByteArray())));
  }

  static List<BlockHeader> period() {
    return new ArrayList<>(chain.headers().subMap(PERIOD_START, true, BLOCK, true).values());
  }

  static String checkpoint(long height) {
    return height + ":" + chain.at(height).blockHashHex();
  }

  @Test
  void theBundlesHeadersAndACheckpointConfirmTheBlockWithoutAHeadersFile(@TempDir Path dir)
      throws Exception {
    VerifierCliTest.Result r =
        verify(dir, carrying(period(), PERIOD_START), "--checkpoint", checkpoint(PERIOD_START));
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("existed by Bitcoin block " + BLOCK), r.out());
    assertTrue(r.out().contains("(headers from the bundle)"), r.out());
    // the block's own hash, from anywhere the regulator trusts, pins the run from its end
    VerifierCliTest.Result atBlock =
        verify(dir, carrying(period(), PERIOD_START), "--checkpoint", checkpoint(BLOCK));
    assertEquals(0, atBlock.code(), atBlock.out() + atBlock.err());
  }

  @Test
  void theBundlesHeadersAloneAreNotTrusted(@TempDir Path dir) throws Exception {
    VerifierCliTest.Result r = verify(dir, carrying(period(), PERIOD_START));
    assertEquals(1, r.code(), r.out());
    assertFalse(r.out().contains("existed by Bitcoin block"), r.out());
    assertTrue(r.out().contains("do not link to a trusted block"), r.out());
  }

  @Test
  void aHeadersFileBridgesFromAnOlderTrustedBlockToTheBundlesRun(@TempDir Path dir)
      throws Exception {
    List<String> bridge =
        chain.lines().stream().filter(l -> Long.parseLong(l.split(" ")[0]) < PERIOD_START).toList();
    Path h = Files.write(dir.resolve("bridge.txt"), bridge);
    VerifierCliTest.Result r =
        verify(
            dir,
            carrying(period(), PERIOD_START),
            "--headers",
            h.toString(),
            "--checkpoint",
            checkpoint(160));
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("headers from the bundle and --headers"), r.out());
  }

  @Test
  void anAlteredHeaderInTheBundleFailsEvenWithoutRequiringAnAnchor(@TempDir Path dir)
      throws Exception {
    List<BlockHeader> headers = period();
    byte[] changed = headers.get(2).bytes();
    changed[68]++; // its time: the header no longer hashes to what the next one names
    headers.set(2, BlockHeader.parse(changed));
    VerifierCliTest.Result r =
        verifyWithout(
            dir, carrying(headers, PERIOD_START), "--checkpoint", checkpoint(PERIOD_START));
    assertEquals(1, r.code(), r.out());
    assertTrue(
        r.out().contains("the bundle's Bitcoin headers were altered")
            && r.out().contains("header at " + (PERIOD_START + 3)),
        r.out());
  }

  @Test
  void anAlteredMerkleRootOfTheAttestedBlockFails(@TempDir Path dir) throws Exception {
    List<BlockHeader> headers = period();
    byte[] changed = headers.get(headers.size() - 1).bytes();
    changed[40] ^= 1; // its merkle root
    headers.set(headers.size() - 1, BlockHeader.parse(changed));
    VerifierCliTest.Result r =
        verifyWithout(
            dir, carrying(headers, PERIOD_START), "--checkpoint", checkpoint(PERIOD_START));
    assertEquals(1, r.code(), r.out());
    assertTrue(
        r.out().lines().anyMatch(l -> l.startsWith("[FAIL]") && l.contains("block " + BLOCK)),
        r.out());
  }

  @Test
  void aMinimumDifficultyForgeryInTheBundleIsRefused(@TempDir Path dir) throws Exception {
    List<BlockHeader> forged = new ArrayList<>(List.of(chain.at(PERIOD_START)));
    for (long h = PERIOD_START + 1; h <= BLOCK; h++) {
      BlockHeader real = chain.at(h);
      forged.add(
          SyntheticChain.mine(
              forged.get(forged.size() - 1).hashInternalOrder(),
              real.merkleRoot(),
              real.timeSeconds(),
              chain.at(160).bits()));
    }
    VerifierCliTest.Result r =
        verifyWithout(
            dir, carrying(forged, PERIOD_START), "--checkpoint", checkpoint(PERIOD_START));
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("difficulty rule"), r.out());
  }

  /** verify with the pinned key and --require-anchor, plus {@code more}. */
  private static VerifierCliTest.Result verify(Path dir, ProofBundle bundle, String... more)
      throws Exception {
    List<String> args = new ArrayList<>(List.of(more));
    args.add("--require-anchor");
    return verifyWithout(dir, bundle, args.toArray(String[]::new));
  }

  /** verify with the pinned key, without --require-anchor. */
  private static VerifierCliTest.Result verifyWithout(Path dir, ProofBundle bundle, String... more)
      throws Exception {
    Path b = Files.writeString(dir.resolve("bundle.json"), bundle.toJson());
    List<String> args =
        new ArrayList<>(List.of("verify", b.toString(), "--key", TestLog.KEY.verifierKey()));
    args.addAll(List.of(more));
    return VerifierCliTest.run("", args.toArray(String[]::new));
  }
}
