package org.trialledger.ledger.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialledger.ledger.Hash;

/** The request body of c2sp.org/tlog-witness: the spec's example, and what must be refused. */
class AddCheckpointRequestTest {
  static final String SPEC_EXAMPLE =
      """
      old 20852014
      PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=
      jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=
      5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=
      /6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=

      example.com/behind-the-sofa
      20852163
      CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

      — example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=
      — example.com/behind-the-sofa opLqBQsREYCgu6xQkYQwJr9fo45a62DN9EdmHXnZdXNqlcVGlCum2Wks+49/V6267UEjw6QUXTS5Rovnzv++qbSzm9Q=
      """;

  @Test
  void parsesTheSpecExampleAndWritesItBackByteForByte() {
    AddCheckpointRequest r = parse(SPEC_EXAMPLE);
    assertEquals(20852014L, r.oldSize());
    assertEquals(4, r.proof().size());
    assertEquals(Hash.ofBase64("PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw="), r.proof().get(0));
    assertEquals(SPEC_EXAMPLE.substring(SPEC_EXAMPLE.indexOf("example.com/")), r.checkpointNote());
    assertEquals(SPEC_EXAMPLE, r.text());
  }

  @Test
  void anEmptyProofIsAllowed() {
    AddCheckpointRequest r = parse("old 0\n\nlog\n1\nx\n\n— log AAAA\n");
    assertEquals(0, r.oldSize());
    assertEquals(List.of(), r.proof());
  }

  static Stream<String> malformed() {
    String h = "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n";
    String cp = "\nlog\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n— log AAAA\n";
    return Stream.of(
        "",
        "old 3",
        "old 3\n" + h, // no empty line
        "old 03\n" + h + cp, // leading zero
        "old -1\n" + cp,
        "old +1\n" + cp,
        "Old 1\n" + h + cp,
        "old  1\n" + h + cp,
        "old 1 \n" + h + cp,
        "old 99999999999999999999\n" + cp,
        "old 1\r\n" + h + cp,
        "old 1\n" + "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw\n" + cp, // unpadded
        "old 1\n" + "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=x\n" + cp,
        "old 1\n" + "AAAA\n" + cp, // not 32 bytes
        "old 1\n" + h.repeat(64) + cp, // more than 63 lines
        "old 0\n" + h + cp, // a proof from size 0
        "old 1\n" + h + "\n", // no checkpoint
        "old 1\n" + h + "\nlog\n5\nno final newline");
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void refusesMalformedBodies(String body) {
    assertThrows(IllegalArgumentException.class, () -> parse(body));
  }

  @Test
  void refusesInvalidUtf8AndOversizedBodies() {
    byte[] bad = "old 1\n\nlog\n1\nx\n\n— log AAAA\n".getBytes(StandardCharsets.UTF_8);
    bad[12] = (byte) 0xff;
    assertThrows(IllegalArgumentException.class, () -> AddCheckpointRequest.parse(bad));
    byte[] huge = new byte[AddCheckpointRequest.MAX_BYTES + 1];
    assertThrows(IllegalArgumentException.class, () -> AddCheckpointRequest.parse(huge));
  }

  @Test
  void sixtyThreeProofLinesAreTheLimit() {
    String h = "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n";
    assertEquals(
        63, parse("old 1\n" + h.repeat(63) + "\nlog\n5\nx\n\n— log AAAA\n").proof().size());
  }

  private static AddCheckpointRequest parse(String s) {
    return AddCheckpointRequest.parse(s.getBytes(StandardCharsets.UTF_8));
  }
}
