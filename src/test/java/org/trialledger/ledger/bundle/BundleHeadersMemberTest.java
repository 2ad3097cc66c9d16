package org.trialledger.ledger.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code timestamps.bitcoinHeaders}: written and read back byte for byte, and every malformed form
 * refused with the member named (the ledger core does not judge the headers: the verifier does).
 */
class BundleHeadersMemberTest {
  private final TestLog log = new TestLog(4);

  private static byte[] headers(int n, int seed) {
    byte[] b = new byte[80 * n];
    for (int i = 0; i < b.length; i++) b[i] = (byte) (i * 7 + seed);
    return b;
  }

  private ProofBundle anchored(List<ProofBundle.HeaderRun> runs) {
    ProofBundle b = log.bundle(2);
    return new ProofBundle(
            b.contentKind(),
            b.contentHash(),
            null,
            null,
            b.entry(),
            b.leafIndex(),
            b.treeSize(),
            b.inclusionProof(),
            b.checkpoint(),
            b.logKey(),
            b.consistency(),
            "AA==",
            null)
        .withBitcoinHeaders(runs);
  }

  @Test
  void runsAreWrittenUnderTheTimestampsAndReadBackExactly() {
    List<ProofBundle.HeaderRun> runs =
        List.of(
            new ProofBundle.HeaderRun(176, headers(6, 1)),
            new ProofBundle.HeaderRun(4032, headers(ProofBundle.MAX_RUN_HEADERS, 2)));
    String json = anchored(runs).toJson();
    assertTrue(json.contains("\"bitcoinHeaders\":[{\"from\":176,\"headers\":\""), json);
    ProofBundle read = ProofBundle.parse(json);
    assertEquals(runs, read.bitcoinHeaders());
    assertArrayEquals(headers(6, 1), read.bitcoinHeaders().get(0).headers());
    assertEquals(json, read.toJson(), "re-serialising writes the same text");
    assertEquals(List.of(), ProofBundle.parse(log.bundle(2).toJson()).bitcoinHeaders());
  }

  @Test
  void malformedRunsAreRefusedByName() {
    String json = anchored(List.of(new ProofBundle.HeaderRun(176, headers(2, 1)))).toJson();
    String hex = json.replaceAll(".*\"headers\":\"([0-9a-f]+)\".*", "$1");
    for (String[] c : cases(hex)) {
      String changed = json.replace(c[0], c[1]);
      assertTrue(!changed.equals(json), c[1]);
      ProofBundle.MalformedBundleException ex =
          assertThrows(
              ProofBundle.MalformedBundleException.class, () -> ProofBundle.parse(changed), c[1]);
      assertTrue(ex.getMessage().contains(c[2]), c[1] + ": " + ex.getMessage());
    }
  }

  /** {what to replace, by what, what the message names}. */
  private static List<String[]> cases(String hex) {
    String run = "{\"from\":176,\"headers\":\"" + hex + "\"}";
    return List.of(
        new String[] {
          run,
          "{\"from\":176,\"to\":177,\"headers\":\"" + hex + "\"}",
          "unknown member bundle.timestamps.bitcoinHeaders[0].to"
        },
        new String[] {run, run.replace("176", "-1"), "bitcoinHeaders[0].from"},
        new String[] {run, run.replace("176", "\"176\""), "bitcoinHeaders[0].from"},
        new String[] {run, run.replace(hex, hex + "00"), "bitcoinHeaders[0].headers"},
        new String[] {run, run.replace(hex, hex.toUpperCase()), "bitcoinHeaders[0].headers"},
        new String[] {run, run.replace(hex, ""), "bitcoinHeaders[0].headers"},
        new String[] {run, "{\"from\":176}", "missing member bundle.timestamps.bitcoinHeaders[0]"},
        new String[] {"[" + run + "]", "[]", "bitcoinHeaders must not be empty"},
        new String[] {"[" + run + "]", "{}", "bitcoinHeaders must be an array"},
        new String[] {
          "\"bitcoinHeaders\":", "\"bitcoinHeaders\":[],\"bitcoinHeaders\":", "duplicate key"
        },
        new String[] {run, run + "," + run.replace("176", "177"), "bitcoinHeaders[1] overlaps"},
        new String[] {
          run,
          run.replace(hex, hex.substring(0, 160).repeat(ProofBundle.MAX_RUN_HEADERS + 1)),
          "at most " + ProofBundle.MAX_RUN_HEADERS
        },
        new String[] {
          "\"bitcoinHeaders\":", "\"bitcoinHeaderz\":", "unknown member bundle.timestamps"
        });
  }
}
