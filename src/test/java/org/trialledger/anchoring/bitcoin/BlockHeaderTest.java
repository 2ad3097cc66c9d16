package org.trialledger.anchoring.bitcoin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.Vectors;

class BlockHeaderTest {
  static final String HASH_358391 =
      "000000000000000003e892881a8cdcdc117c06d444057c98b6f04a9ee75a2319";

  static BlockHeader block358391() throws Exception {
    return HeadersFile.load(Vectors.dir("ots").resolve("bitcoin-headers.txt"))
        .header(358391)
        .orElseThrow();
  }

  @Test
  void theRealHeaderIsSelfCertifying() throws Exception {
    BlockHeader h = block358391();
    assertEquals(HASH_358391, h.blockHashHex());
    assertEquals(1432827678L, h.timeSeconds());
    assertEquals(Instant.parse("2015-05-28T15:41:18Z"), h.time());
    assertTrue(h.checkProofOfWork());
    assertTrue(h.checkProofOfWork(BlockHeader.MAINNET_POW_LIMIT));
    assertArrayEquals(Arrays.copyOfRange(h.bytes(), 36, 68), h.merkleRoot());
  }

  @Test
  void anyChangedByteBreaksTheProofOfWork() throws Exception {
    byte[] raw = block358391().bytes();
    for (int i = 0; i < raw.length; i++) {
      byte[] changed = raw.clone();
      changed[i] ^= 0x01;
      assertFalse(
          BlockHeader.parse(changed).checkProofOfWork(BlockHeader.MAINNET_POW_LIMIT), "byte " + i);
    }
  }

  @Test
  void compactTargets() {
    assertEquals(BigInteger.valueOf(0xffff).shiftLeft(208), BlockHeader.targetOf(0x1d00ffff));
    assertEquals(BigInteger.valueOf(0x12), BlockHeader.targetOf(0x01120000));
    assertEquals(BigInteger.ZERO, BlockHeader.targetOf(0x04923456), "sign bit set: negative");
    assertEquals(BigInteger.ZERO, BlockHeader.targetOf(0xff123456), "overflow");
    assertEquals(BigInteger.ZERO, BlockHeader.targetOf(0x1d000000), "zero mantissa");
  }

  @Test
  void anEasyHeaderPassesItsOwnTargetButNotMainnetsLimit() {
    BlockHeader h = TestBlocks.mine(new byte[32], 1_700_000_000L);
    assertTrue(h.checkProofOfWork());
    assertFalse(h.checkProofOfWork(BlockHeader.MAINNET_POW_LIMIT));
  }

  @Test
  void headersMustBe80Bytes() {
    assertThrows(IllegalArgumentException.class, () -> BlockHeader.parse(new byte[79]));
  }

  @Test
  void headersFileRefusesBadLinesAndBrokenChains() throws Exception {
    String hex = HexFormat.of().formatHex(block358391().bytes());
    assertEquals(1, HeadersFile.parse(List.of("# comment", "", "358391 " + hex)).size());
    assertThrows(IllegalArgumentException.class, () -> HeadersFile.parse(List.of("358391")));
    assertThrows(IllegalArgumentException.class, () -> HeadersFile.parse(List.of("358391 00ff")));
    assertThrows(
        IllegalArgumentException.class, () -> HeadersFile.parse(List.of("1 " + hex, "1 " + hex)));
    BlockHeader a = TestBlocks.mine(new byte[32], 1L);
    BlockHeader linked =
        TestBlocks.mine(a.hashInternalOrder(), new byte[32], 2L, TestBlocks.EASY_BITS);
    BlockHeader unlinked = TestBlocks.mine(new byte[32], 3L);
    String ah = HexFormat.of().formatHex(a.bytes());
    assertEquals(
        2,
        HeadersFile.parse(List.of("5 " + ah, "6 " + HexFormat.of().formatHex(linked.bytes())))
            .size());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            HeadersFile.parse(
                List.of("5 " + ah, "6 " + HexFormat.of().formatHex(unlinked.bytes()))));
  }
}
