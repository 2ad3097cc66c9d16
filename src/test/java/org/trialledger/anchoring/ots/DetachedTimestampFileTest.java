package org.trialledger.anchoring.ots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialledger.anchoring.ots.OtsFormatException.Reason;

class DetachedTimestampFileTest {
  static Stream<Path> validProofs() {
    return OtsVectors.validProofs().stream();
  }

  @Test
  void theVectorsAreThere() {
    assertEquals(5, OtsVectors.validProofs().size(), "valid vectors in " + OtsVectors.dir());
    assertEquals(3, OtsVectors.invalidProofs().size());
  }

  @ParameterizedTest
  @MethodSource("validProofs")
  void everyRealProofRoundTripsByteForByte(Path proof) throws Exception {
    byte[] bytes = OtsVectors.read(proof);
    DetachedTimestampFile parsed = DetachedTimestampFile.parse(bytes);
    assertArrayEquals(bytes, parsed.serialize());
    assertEquals(parsed, DetachedTimestampFile.parse(parsed.serialize()));
  }

  @ParameterizedTest
  @MethodSource("validProofs")
  void theDigestIsTheStampedFilesSha256(Path proof) throws Exception {
    DetachedTimestampFile parsed = DetachedTimestampFile.parse(OtsVectors.read(proof));
    String file = proof.getFileName().toString().replaceFirst("\\.ots$", "");
    byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(OtsVectors.read(file));
    assertEquals(OpKind.SHA256, parsed.fileHashOp());
    assertArrayEquals(sha256, parsed.fileDigest());
  }

  @Test
  void theVectorsHoldTheAttestationsTheReadmeLists() throws Exception {
    assertEquals(List.of(new BitcoinAttestation(358391)), attestations("hello-world.txt.ots"));
    assertEquals(
        List.of(new PendingAttestation("https://alice.btc.calendar.opentimestamps.org")),
        attestations("incomplete.txt.ots"));
    List<Attestation> mixed = attestations("known-and-unknown-notary.txt.ots");
    assertEquals(2, mixed.size());
    assertTrue(mixed.stream().anyMatch(a -> a instanceof PendingAttestation));
    UnknownAttestation unknown =
        (UnknownAttestation)
            mixed.stream().filter(a -> a instanceof UnknownAttestation).findFirst().orElseThrow();
    assertEquals("0102030405060708", unknown.tagHex());
    for (String twoCalendars : List.of("merkle1.txt.ots", "two-calendars.txt.ots")) {
      List<Attestation> pending = attestations(twoCalendars);
      assertEquals(2, pending.size());
      pending.forEach(a -> assertInstanceOf(PendingAttestation.class, a));
    }
  }

  @Test
  void theInvalidVectorsAreRefusedForTheRightReason() {
    Map<String, Reason> expected =
        Map.of(
            "bad-major-version.ots", Reason.UNSUPPORTED_MAJOR_VERSION,
            "exceeds-max-msg-length.ots", Reason.MESSAGE_TOO_LONG,
            "invalid-file-digest-type.ots", Reason.UNKNOWN_FILE_HASH_OP);
    for (Path p : OtsVectors.invalidProofs()) {
      Reason want = expected.get(p.getFileName().toString());
      OtsFormatException e =
          assertThrows(
              OtsFormatException.class,
              () -> DetachedTimestampFile.parse(OtsVectors.read(p)),
              p.toString());
      assertEquals(want, e.reason(), e.getMessage());
    }
  }

  @Test
  void everyTruncationIsRefused() throws Exception {
    byte[] bytes = OtsVectors.read("hello-world.txt.ots");
    for (int len = 0; len < bytes.length; len++) {
      byte[] cut = Arrays.copyOf(bytes, len);
      OtsFormatException e =
          assertThrows(OtsFormatException.class, () -> DetachedTimestampFile.parse(cut));
      Reason want = len < DetachedTimestampFile.MAGIC.length ? Reason.BAD_MAGIC : Reason.TRUNCATED;
      assertEquals(want, e.reason(), "length " + len + ": " + e.getMessage());
    }
  }

  @Test
  void trailingBytesAreRefused() {
    byte[] bytes = OtsVectors.read("incomplete.txt.ots");
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    assertReason(Reason.TRAILING_BYTES, longer);
  }

  @Test
  void badMagicIsRefused() {
    byte[] bytes = OtsVectors.read("incomplete.txt.ots");
    bytes[5] ^= 1;
    assertReason(Reason.BAD_MAGIC, bytes);
  }

  @Test
  void writesOnlyWhatItCanRead() {
    Timestamp empty = Timestamp.of(new byte[32]);
    DetachedTimestampFile f = new DetachedTimestampFile(OpKind.SHA256, empty);
    assertThrows(IllegalStateException.class, f::serialize);
    assertThrows(
        IllegalArgumentException.class, () -> new DetachedTimestampFile(OpKind.SHA1, empty));
    assertThrows(
        IllegalArgumentException.class, () -> new DetachedTimestampFile(OpKind.APPEND, empty));
    assertFalse(HexFormat.of().formatHex(DetachedTimestampFile.MAGIC).isEmpty());
  }

  static void assertReason(Reason reason, byte[] proof) {
    OtsFormatException e =
        assertThrows(OtsFormatException.class, () -> DetachedTimestampFile.parse(proof));
    assertEquals(reason, e.reason(), e.getMessage());
  }

  private static List<Attestation> attestations(String name) throws OtsFormatException {
    return DetachedTimestampFile.parse(OtsVectors.read(name)).timestamp().allAttestations().stream()
        .map(Timestamp.AttestedMessage::attestation)
        .toList();
  }
}
