package org.trialledger.anchoring.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
