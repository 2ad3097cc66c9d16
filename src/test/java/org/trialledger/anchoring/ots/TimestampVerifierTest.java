package org.trialledger.anchoring.ots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialledger.anchoring.bitcoin.BlockHeader;
import org.trialledger.anchoring.bitcoin.HeaderSource;
import org.trialledger.anchoring.bitcoin.HeadersFile;
import org.trialledger.anchoring.bitcoin.TestBlocks;

class TimestampVerifierTest {
  static HeadersFile headers;

  @BeforeAll
  static void loadHeaders() throws Exception {
    headers = HeadersFile.load(OtsVectors.dir().resolve("bitcoin-headers.txt"));
  }

  @Test
  void helloWorldIsInBlock358391() throws Exception {
    DetachedTimestampFile proof =
        DetachedTimestampFile.parse(OtsVectors.read("hello-world.txt.ots"));
    VerificationReport report =
        new TimestampVerifier(headers).verifyFile(proof, OtsVectors.read("hello-world.txt"));
    assertTrue(report.digestMatches());
    assertTrue(report.isConfirmed());
    AttestationResult.BitcoinVerified b = report.earliestBitcoin().orElseThrow();
    assertEquals(358391, b.height());
    assertEquals(Instant.parse("2015-05-28T15:41:18Z"), b.blockTime());
    assertEquals("000000000000000003e892881a8cdcdc117c06d444057c98b6f04a9ee75a2319", b.blockHash());
    assertEquals(Optional.of(Instant.parse("2015-05-28T15:41:18Z")), report.provenTime());
  }

  @Test
  void anotherFileIsNotProven() throws Exception {
    DetachedTimestampFile proof =
        DetachedTimestampFile.parse(OtsVectors.read("hello-world.txt.ots"));
    byte[] file = OtsVectors.read("hello-world.txt");
    file[0] ^= 1;
    VerificationReport report = new TimestampVerifier(headers).verifyFile(proof, file);
    assertFalse(report.digestMatches());
    assertFalse(report.isConfirmed());
  }

  @Test
  void everyOneBitChangeOfTheProofIsRefusedOrFailsVerification() throws Exception {
    byte[] proof = OtsVectors.read("hello-world.txt.ots");
    byte[] file = OtsVectors.read("hello-world.txt");
    TimestampVerifier verifier = new TimestampVerifier(headers);
    int refused = 0;
    List<String> stillVerify = new ArrayList<>();
    for (int i = 0; i < proof.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] changed = proof.clone();
        changed[i] ^= (byte) (1 << bit);
        try {
          if (verifier.verifyFile(DetachedTimestampFile.parse(changed), file).isConfirmed()) {
            stillVerify.add(i + ":" + bit);
          }
        } catch (OtsFormatException e) {
          refused++;
        }
      }
    }
    assertTrue(refused >= 8 * 31, "at least every flip of the magic is refused: " + refused);
    // One change is no forgery: byte 603 turns "append X" into "prepend X" where the message is X
    // itself (the
    // transaction was paired with its own hash in the block's merkle tree), so X||X is computed
    // either way.
    assertEquals(List.of("603:0"), stillVerify);
    assertEquals(OpKind.APPEND.tag(), proof[603] & 0xff);
  }

  @Test
  void aChangedHeaderFailsVerification() throws Exception {
    DetachedTimestampFile proof =
        DetachedTimestampFile.parse(OtsVectors.read("hello-world.txt.ots"));
    byte[] raw = headers.header(358391).orElseThrow().bytes();
    for (int i : new int[] {0, 40, 70, 79}) {
      byte[] changed = raw.clone();
      changed[i] ^= 1;
      HeaderSource forged = h -> Optional.of(BlockHeader.parse(changed));
      VerificationReport r = new TimestampVerifier(forged).verify(proof, proof.fileDigest());
      assertFalse(r.isConfirmed(), "header byte " + i);
      assertEquals(AttestationResult.Failure.HEADER_REFUSED, r.bitcoinFailed().get(0).failure());
    }
  }

  @Test
  void aValidHeaderWithAnotherMerkleRootFails() throws Exception {
    DetachedTimestampFile proof =
        DetachedTimestampFile.parse(OtsVectors.read("hello-world.txt.ots"));
    byte[] root = new byte[32];
    root[0] = 7;
    BlockHeader other = TestBlocks.mine(root, 1_600_000_000L);
    VerificationReport r =
        new TimestampVerifier(h -> Optional.of(other), TestBlocks.EASY_LIMIT)
            .verify(proof, proof.fileDigest());
    assertEquals(
        AttestationResult.Failure.MERKLE_ROOT_MISMATCH, r.bitcoinFailed().get(0).failure());
  }

  @Test
  void aMissingHeaderIsReportedNotFetched() throws Exception {
    DetachedTimestampFile proof =
        DetachedTimestampFile.parse(OtsVectors.read("hello-world.txt.ots"));
    VerificationReport r =
        new TimestampVerifier(h -> Optional.empty()).verify(proof, proof.fileDigest());
    assertFalse(r.isConfirmed());
    assertEquals(AttestationResult.Failure.NO_HEADER, r.bitcoinFailed().get(0).failure());
  }

  @Test
  void pendingAndUnknownAttestationsAreReportedAsSuch() throws Exception {
    TimestampVerifier verifier = new TimestampVerifier(headers);
    VerificationReport incomplete = verify(verifier, "incomplete.txt");
    assertFalse(incomplete.isConfirmed());
    assertEquals(
        List.of("https://alice.btc.calendar.opentimestamps.org"),
        incomplete.pending().stream().map(AttestationResult.Pending::calendarUri).toList());
    for (String two : List.of("merkle1.txt", "two-calendars.txt")) {
      VerificationReport r = verify(verifier, two);
      assertEquals(2, r.pending().size(), two);
      assertFalse(r.isConfirmed());
    }
    VerificationReport mixed = verify(verifier, "known-and-unknown-notary.txt");
    assertEquals(1, mixed.pending().size());
    AttestationResult unknown =
        mixed.results().stream()
            .filter(r -> !(r instanceof AttestationResult.Pending))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "0102030405060708", assertInstanceOf(AttestationResult.Unknown.class, unknown).tagHex());
  }

  @Test
  void aBitcoinAttestationOnAShortMessageFails() {
    Timestamp t =
        Timestamp.of(HexFormat.of().parseHex("abcd"))
            .withAttestation(new BitcoinAttestation(358391));
    AttestationResult r = new TimestampVerifier(headers).verify(t).get(0);
    assertEquals(
        AttestationResult.Failure.DIGEST_LENGTH, ((AttestationResult.BitcoinFailed) r).failure());
  }

  private static VerificationReport verify(TimestampVerifier v, String file)
      throws OtsFormatException {
    DetachedTimestampFile proof = DetachedTimestampFile.parse(OtsVectors.read(file + ".ots"));
    VerificationReport r = v.verifyFile(proof, OtsVectors.read(file));
    assertTrue(r.digestMatches(), file);
    return r;
  }
}
