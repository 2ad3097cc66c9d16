package org.trialledger.anchoring.ots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialledger.anchoring.ots.OtsFormatException.Reason;

/**
 * Real proofs as the reference clients write them (vectors/ots and vectors/ots/corpus): each is
 * read, written back byte for byte, and is a proof for the file it stamps.
 */
class OtsCorpusTest {
  static Stream<Path> corpus() {
    return OtsVectors.corpusProofs().stream();
  }

  @Test
  void theCorpusIsThere() {
    assertEquals(13, OtsVectors.corpusProofs().size(), OtsVectors.corpusProofs().toString());
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void everyProofIsReadAndWrittenBackByteForByte(Path proof) throws Exception {
    byte[] bytes = OtsVectors.read(proof);
    DetachedTimestampFile read = DetachedTimestampFile.parse(bytes);
    assertArrayEquals(bytes, read.serialize());
    assertEquals(read, DetachedTimestampFile.parseCanonical(read.canonicalBytes()));
    for (Path stamped : OtsVectors.stampedFiles(proof)) {
      assertArrayEquals(
          read.fileHashOp().hash(OtsVectors.read(stamped)), read.fileDigest(), stamped.toString());
    }
  }

  /** The proof that the old strict reader refused: its forks are not in the reference's order. */
  @Test
  void theRipemd160ExampleIsReadAsWritten() throws Exception {
    Path proof = OtsVectors.dir().resolve("corpus/ripemd160/README.md.ots");
    byte[] bytes = OtsVectors.read(proof);
    OtsFormatException strict =
        assertThrows(OtsFormatException.class, () -> DetachedTimestampFile.parseCanonical(bytes));
    assertEquals(Reason.NON_CANONICAL, strict.reason());
    assertEquals(234, strict.offset());

    DetachedTimestampFile read = DetachedTimestampFile.parse(bytes);
    assertEquals(OpKind.RIPEMD160, read.fileHashOp());
    assertFalse(read.isCanonical());
    assertArrayEquals(bytes, read.serialize());
    assertEquals(3, read.pendingCommitments().size());
    assertEquals(
        "https://alice.btc.calendar.opentimestamps.org",
        read.pendingCommitments().get(0).calendarUri(),
        "walked in the order written, as the reference lists them");
  }
}
