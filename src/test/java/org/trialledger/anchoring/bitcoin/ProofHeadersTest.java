package org.trialledger.anchoring.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The headers file a package carries confirms its blocks for a verifier trusting the same. */
class ProofHeadersTest {
  @Test
  void theFileLinksEveryBlockToTheTrustedStart() {
    SyntheticChain c = new SyntheticChain(160, 1_700_000_000L).extendBy(60);
    String file =
        ProofHeaders.forHeights(
            c.trusted(),
            (from, to) -> c.headers().subMap(from, true, to, true),
            List.of(170L, 215L));
    HeaderChain chain =
        HeaderChain.build(c.trusted(), HeadersFile.parse(file.lines().toList()).headers());
    assertEquals(Map.of(), chain.refused());
    assertEquals(c.at(170), chain.header(170).orElseThrow());
    assertEquals(c.at(215), chain.header(215).orElseThrow());
    assertTrue(chain.header(216).isEmpty(), "nothing beyond the blocks asked for");
    assertEquals(160L, chain.accepted().firstKey(), "from the checkpoint, not each period's start");
  }

  @Test
  void onMainnetAPeriodStartIsEnough() {
    TrustedHeaders mainnet = TrustedHeaders.of(NetworkParameters.MAINNET);
    String file =
        ProofHeaders.forHeights(
            mainnet,
            (from, to) -> mainnet.headers().subMap(from, true, to, true),
            List.of(358_391L));
    assertEquals("358848".length(), file.indexOf(' '), file);
    assertTrue(file.startsWith("356832 "), "the period's first block, which the jar trusts");
  }
}
