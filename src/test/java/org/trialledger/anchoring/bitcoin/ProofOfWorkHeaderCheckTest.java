package org.trialledger.anchoring.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trialledger.anchoring.bitcoin.HeaderCheck.Verdict.Status;

class ProofOfWorkHeaderCheckTest {
  private final BlockHeader easy = TestBlocks.mine(new byte[32], 1_700_000_000L);
  private final HeaderSource at7 = h -> h == 7 ? Optional.of(easy) : Optional.empty();

  @Test
  void aHeaderCountsByItsProofOfWorkAgainstTheChainsLimit() {
    assertEquals(
        Status.CONFIRMED,
        new ProofOfWorkHeaderCheck(at7, TestBlocks.EASY_LIMIT).confirm(7).status());
    HeaderCheck.Verdict mainnet =
        new ProofOfWorkHeaderCheck(at7, BlockHeader.MAINNET_POW_LIMIT).confirm(7);
    assertEquals(Status.REFUSED, mainnet.status());
    assertTrue(mainnet.detail().contains("does not meet its target"), mainnet.detail());
    assertEquals(
        Status.MISSING, new ProofOfWorkHeaderCheck(at7, TestBlocks.EASY_LIMIT).confirm(8).status());
  }

  @Test
  void aPinnedHashDecides() {
    String hash = easy.blockHashHex();
    HeaderCheck.Verdict pinned =
        new ProofOfWorkHeaderCheck(at7, TestBlocks.EASY_LIMIT, Map.of(7L, hash.toUpperCase()))
            .confirm(7);
    assertEquals(Status.CONFIRMED, pinned.status());
    assertTrue(pinned.detail().contains("pinned"), pinned.detail());
    HeaderCheck.Verdict other =
        new ProofOfWorkHeaderCheck(at7, TestBlocks.EASY_LIMIT, Map.of(7L, "00".repeat(32)))
            .confirm(7);
    assertEquals(Status.REFUSED, other.status());
    assertTrue(other.detail().contains("not the pinned"), other.detail());
  }

  @Test
  void pinsAreParsedStrictly() {
    assertEquals(
        Map.entry(5L, "ab".repeat(32)), ProofOfWorkHeaderCheck.parsePin("5:" + "AB".repeat(32)));
    for (String bad : new String[] {"5", "x:" + "ab".repeat(32), "5:abc", "-1:" + "ab".repeat(32)})
      assertThrows(IllegalArgumentException.class, () -> ProofOfWorkHeaderCheck.parsePin(bad), bad);
  }
}
