package org.trialledger.anchoring.ots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialledger.anchoring.ots.DetachedTimestampFileTest.assertReason;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialledger.anchoring.ots.OtsFormatException.Reason;

/** Hand-made proofs, valid and invalid, for each rule of the reference. */
class TimestampCodecTest {
  static final byte[] DIGEST = new byte[32];
  static final String BITCOIN = "000588960d73d71901";
  static final String PENDING = "0083dfe30d2ef90c8e";

  /** A proof: header, sha256, a zero digest, then {@code treeHex}. */
  static byte[] proof(String treeHex) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(DetachedTimestampFile.MAGIC);
    out.write(1);
    out.write(0x08);
    out.writeBytes(DIGEST);
    out.writeBytes(HexFormat.of().parseHex(treeHex));
    return out.toByteArray();
  }

  static String uri(String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    String inner = varuint(b.length) + HexFormat.of().formatHex(b);
    return varuint(inner.length() / 2) + inner;
  }

  static String varuint(long v) {
    return HexFormat.of().formatHex(new ByteWriter().writeVaruint(v).toByteArray());
  }

  static byte[] roundTrip(String treeHex) throws OtsFormatException {
    byte[] bytes = proof(treeHex);
    assertArrayEquals(bytes, DetachedTimestampFile.parseCanonical(bytes).serialize());
    assertArrayEquals(bytes, DetachedTimestampFile.parse(bytes).canonicalBytes());
    return bytes;
  }

  @Test
  void aMinimalProofRoundTrips() throws Exception {
    roundTrip(BITCOIN + "0100");
    roundTrip(PENDING + uri("https://a.example.org"));
    roundTrip("ff" + BITCOIN + "0101" + "08" + BITCOIN + "0102");
    roundTrip("ff" + "0006869a0d73d71b45" + "0105" + "0030fe8087b5c7ead7" + "0106");
    roundTrip("ff" + "000102030405060708" + "03aabbcc" + "00ffffffffffffffff" + "00");
  }

  @Test
  void unknownOpsAndFileHashOpsAreRefused() {
    assertReason(Reason.UNKNOWN_OP, proof("04" + BITCOIN + "0100"));
    assertReason(Reason.UNKNOWN_OP, proof("ffff" + BITCOIN + "0100"));
    byte[] appendAsFileHash = proof(BITCOIN + "0100");
    appendAsFileHash[DetachedTimestampFile.MAGIC.length + 1] = (byte) 0xf0;
    assertReason(Reason.UNKNOWN_FILE_HASH_OP, appendAsFileHash);
    byte[] version2 = proof(BITCOIN + "0100");
    version2[DetachedTimestampFile.MAGIC.length] = 2;
    assertReason(Reason.UNSUPPORTED_MAJOR_VERSION, version2);
  }

  @Test
  void varbytesOutsideTheReferenceLimitsAreRefused() throws Exception {
    assertReason(Reason.LENGTH_OUT_OF_RANGE, proof("f000" + BITCOIN + "0100"));
    assertReason(
        Reason.LENGTH_OUT_OF_RANGE,
        proof("f0" + varuint(4097) + "00".repeat(4097) + BITCOIN + "0100"));
    assertReason(
        Reason.LENGTH_OUT_OF_RANGE,
        proof("000102030405060708" + varuint(8193) + "00".repeat(8193)));
    roundTrip("000102030405060708" + varuint(8192) + "00".repeat(8192));
  }

  @Test
  void messagesOverTheLimitAreRefused() throws Exception {
    roundTrip("f0" + varuint(4064) + "11".repeat(4064) + BITCOIN + "0100");
    assertReason(
        Reason.MESSAGE_TOO_LONG,
        proof("f0" + varuint(4065) + "11".repeat(4065) + BITCOIN + "0100"));
    // Hexlify doubles: 32 → 4096 after seven, and an eighth would need an input over 2048 bytes.
    roundTrip("f3".repeat(7) + BITCOIN + "0100");
    assertReason(Reason.MESSAGE_TOO_LONG, proof("f3".repeat(8) + BITCOIN + "0100"));
  }

  @Test
  void nestingDeeperThan256IsRefused() throws Exception {
    roundTrip("08".repeat(255) + BITCOIN + "0100");
    assertReason(Reason.RECURSION_LIMIT, proof("08".repeat(256) + BITCOIN + "0100"));
  }

  @Test
  void pendingUrisFollowTheReferenceRules() throws Exception {
    roundTrip(PENDING + uri("https://" + "a".repeat(992)));
    assertReason(Reason.INVALID_PENDING_URI, proof(PENDING + uri("https://" + "a".repeat(993))));
    for (String bad :
        List.of("https://a.org/?x=1", "https://user@a.org", "https://a.org/%41", "http://[::1]/")) {
      assertReason(Reason.INVALID_PENDING_URI, proof(PENDING + uri(bad)));
    }
    assertThrows(IllegalArgumentException.class, () -> new PendingAttestation("https://a.org/#x"));
  }

  @Test
  void knownAttestationPayloadsMustBeExact() {
    assertReason(Reason.BAD_ATTESTATION_PAYLOAD, proof(BITCOIN + "020100"));
    assertReason(Reason.BAD_ATTESTATION_PAYLOAD, proof(BITCOIN + "00"));
    assertReason(Reason.BAD_ATTESTATION_PAYLOAD, proof(PENDING + "020541"));
    assertReason(Reason.VARUINT_OVERFLOW, proof(BITCOIN + "0a" + "ff".repeat(9) + "01"));
  }

  @Test
  void bytesTheReferenceReadsButNeverWritesAreReadAsWrittenAndRefusedOnlyWhenCanonicalIsAsked()
      throws Exception {
    for (String tree :
        List.of(
            BITCOIN + "028000",
            "f08100" + "11" + BITCOIN + "0100",
            "ff" + BITCOIN + "0102" + BITCOIN + "0101",
            "ff" + BITCOIN + "0101" + BITCOIN + "0101",
            "ff08" + BITCOIN + "0101" + BITCOIN + "0101",
            "fff001aa" + BITCOIN + "0101" + "08" + BITCOIN + "0101",
            "fff001bb" + BITCOIN + "0101" + "f001aa" + BITCOIN + "0101",
            "ff08" + BITCOIN + "0101" + "08" + BITCOIN + "0102")) {
      byte[] bytes = proof(tree);
      assertEquals(
          Reason.NON_CANONICAL,
          assertThrows(OtsFormatException.class, () -> DetachedTimestampFile.parseCanonical(bytes))
              .reason(),
          tree);
      DetachedTimestampFile read = DetachedTimestampFile.parse(bytes);
      assertArrayEquals(bytes, read.serialize(), tree);
      assertFalse(read.isCanonical(), tree);
      DetachedTimestampFile canonical = DetachedTimestampFile.parseCanonical(read.canonicalBytes());
      assertEquals(read, canonical, tree);
      assertTrue(canonical.isCanonical(), tree);
    }
  }

  @Test
  void branchesAreWalkedInTheOrderWrittenAndRepeatsMergeAsTheReferenceMergesThem()
      throws Exception {
    DetachedTimestampFile reversed =
        DetachedTimestampFile.parse(proof("ff" + BITCOIN + "0102" + BITCOIN + "0101"));
    assertEquals(
        List.of(new BitcoinAttestation(2), new BitcoinAttestation(1)),
        reversed.timestamp().allAttestations().stream()
            .map(Timestamp.AttestedMessage::attestation)
            .toList());
    assertArrayEquals(proof("ff" + BITCOIN + "0101" + BITCOIN + "0102"), reversed.canonicalBytes());

    DetachedTimestampFile opsReversed =
        DetachedTimestampFile.parse(proof("fff001aa" + BITCOIN + "0101" + "08" + BITCOIN + "0101"));
    assertEquals(
        List.of(Op.append(new byte[] {(byte) 0xaa}), Op.sha256()),
        opsReversed.timestamp().branches().stream().map(Timestamp.Branch::op).toList());
    assertArrayEquals(
        proof("ff08" + BITCOIN + "0101" + "f001aa" + BITCOIN + "0101"),
        opsReversed.canonicalBytes());

    // The reference keeps a repeated attestation once, and a repeated op's later subtree.
    assertEquals(
        1,
        DetachedTimestampFile.parse(proof("ff" + BITCOIN + "0101" + BITCOIN + "0101"))
            .timestamp()
            .allAttestations()
            .size());
    Timestamp twice =
        DetachedTimestampFile.parse(proof("ff08" + BITCOIN + "0101" + "08" + BITCOIN + "0102"))
            .timestamp();
    assertEquals(
        List.of(new BitcoinAttestation(2)),
        twice.allAttestations().stream().map(Timestamp.AttestedMessage::attestation).toList());
  }

  @Test
  void whatIsMalformedStaysRefusedInEitherReading() {
    for (byte[] bad :
        List.of(
            proof(BITCOIN + "020100"),
            proof("04" + BITCOIN + "0100"),
            proof("ff" + BITCOIN + "0101"),
            proof(BITCOIN + "0101" + "00"),
            proof("f000" + BITCOIN + "0100"))) {
      assertThrows(OtsFormatException.class, () -> DetachedTimestampFile.parse(bad));
      assertThrows(OtsFormatException.class, () -> DetachedTimestampFile.parseCanonical(bad));
    }
  }

  @Test
  void aCalendarAnswerMustEndWhereTheTimestampEnds() throws Exception {
    byte[] answer = HexFormat.of().parseHex(BITCOIN + "0100");
    assertEquals(new BitcoinAttestation(0), Timestamp.parse(answer, DIGEST).attestations().get(0));
    byte[] longer = Arrays.copyOf(answer, answer.length + 1);
    assertEquals(
        Reason.TRAILING_BYTES,
        assertThrows(OtsFormatException.class, () -> Timestamp.parse(longer, DIGEST)).reason());
  }

  @Test
  void treesBuiltInAnyOrderSerializeInTheReferenceOrder() throws Exception {
    byte[] m = DIGEST;
    Timestamp a =
        Timestamp.of(m)
            .withOp(
                Op.append(new byte[] {2}),
                Timestamp.of(Op.append(new byte[] {2}).apply(m))
                    .withAttestation(new BitcoinAttestation(1)))
            .withAttestation(new PendingAttestation("https://b.org"))
            .withOp(
                Op.sha256(),
                Timestamp.of(Op.sha256().apply(m)).withAttestation(new BitcoinAttestation(2)))
            .withAttestation(new BitcoinAttestation(9))
            .withAttestation(new PendingAttestation("https://a.org"))
            .withOp(
                Op.append(new byte[] {1}),
                Timestamp.of(Op.append(new byte[] {1}).apply(m))
                    .withAttestation(new BitcoinAttestation(3)));
    byte[] bytes = new DetachedTimestampFile(OpKind.SHA256, a).serialize();
    DetachedTimestampFile parsed = DetachedTimestampFile.parse(bytes);
    assertEquals(a, parsed.timestamp());
    assertEquals(
        List.of(
            new BitcoinAttestation(9),
            new PendingAttestation("https://a.org"),
            new PendingAttestation("https://b.org")),
        a.attestations());
    assertEquals(
        List.of(Op.sha256(), Op.append(new byte[] {1}), Op.append(new byte[] {2})),
        List.copyOf(a.ops().keySet()));
  }

  @Test
  void opsComputeWhatTheReferenceComputes() {
    HexFormat hex = HexFormat.of();
    byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
    assertEquals(
        "a9993e364706816aba3e25717850c26c9cd0d89d",
        hex.formatHex(Op.unary(OpKind.SHA1).apply(abc)));
    assertEquals(
        "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc",
        hex.formatHex(Op.unary(OpKind.RIPEMD160).apply(abc)));
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        hex.formatHex(Op.sha256().apply(abc)));
    assertEquals(
        "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        hex.formatHex(Op.unary(OpKind.KECCAK256).apply(new byte[0])));
    assertEquals("616263", new String(Op.unary(OpKind.HEXLIFY).apply(abc)));
    assertEquals("cba", new String(Op.unary(OpKind.REVERSE).apply(abc)));
    assertEquals("abcd", new String(Op.append(new byte[] {'d'}).apply(abc)));
    assertEquals("dabc", new String(Op.prepend(new byte[] {'d'}).apply(abc)));
    assertThrows(IllegalArgumentException.class, () -> Op.unary(OpKind.REVERSE).apply(new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> Op.append(new byte[0]));
  }

  @Test
  void builtTreesStayWithinTheDepthTheReferenceReads() {
    List<Op> path = Collections.nCopies(256, Op.sha256());
    byte[] end = DIGEST;
    for (Op op : path) end = op.apply(end);
    Timestamp tip = Timestamp.of(end).withAttestation(new BitcoinAttestation(1));
    assertThrows(IllegalArgumentException.class, () -> Timestamp.path(DIGEST, path, tip));
  }
}
