package org.trialledger.log.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.note.Checkpoint;
import org.trialledger.ledger.note.NoteKey;

/**
 * Issue 15 finding 3, "an unsigned head": a head that is not exactly the newest signed checkpoint
 * is named, whichever way it differs.
 */
class SignedHeadTest {
  private static final String ORIGIN = "example.org/log";
  private static final NoteKey KEY = NoteKey.signer(ORIGIN, seed(1));
  private static final NoteKey OTHER = NoteKey.signer(ORIGIN, seed(2));
  private static final Hash ROOT = Hash.sha256("root of 360".getBytes());

  @Test
  void aHeadThatIsTheNewestSignedCheckpointPasses() {
    assertEquals(Optional.empty(), check(360, ROOT, stored(360, ROOT, KEY)));
  }

  @Test
  void leavesBeyondTheNewestCheckpointAreAnUnsignedExtension() {
    Discrepancy d =
        check(361, Hash.sha256("forged".getBytes()), stored(360, ROOT, KEY)).orElseThrow();
    assertEquals(Discrepancy.Kind.UNSIGNED_HEAD, d.kind());
    assertEquals("log head", d.where());
    assertEquals("tree_size", d.field());
    assertTrue(d.found().startsWith("361 (1 leaves nobody signed)"), d.toString());
  }

  @Test
  void anotherRootAtTheSignedSize() {
    Discrepancy d = check(360, Hash.sha256("x".getBytes()), stored(360, ROOT, KEY)).orElseThrow();
    assertEquals("root_hash", d.field());
    assertTrue(d.expected().startsWith(ROOT.hex()), d.toString());
  }

  @Test
  void aHeadSmallerThanTheNewestCheckpoint() {
    assertEquals("tree_size", check(359, ROOT, stored(360, ROOT, KEY)).orElseThrow().field());
  }

  @Test
  void aNewestCheckpointSignedByAnotherKey() {
    Discrepancy d = check(360, ROOT, stored(360, ROOT, OTHER)).orElseThrow();
    assertEquals(Discrepancy.Kind.UNSIGNED_HEAD, d.kind());
    assertEquals("checkpoint", d.field());
  }

  @Test
  void aNoteWhoseSizeDisagreesWithItsRow() {
    SignedHead.StoredCheckpoint liar =
        new SignedHead.StoredCheckpoint(361, new Checkpoint(ORIGIN, 360, ROOT).sign(KEY));
    assertEquals("tree_size", check(361, ROOT, liar).orElseThrow().field());
  }

  @Test
  void noCheckpointAtAll() {
    assertEquals("checkpoint", check(0, ROOT, null).orElseThrow().field());
  }

  private static Optional<Discrepancy> check(
      long size, Hash root, SignedHead.StoredCheckpoint newest) {
    return SignedHead.check(size, root, newest, KEY.verifier());
  }

  private static SignedHead.StoredCheckpoint stored(long size, Hash root, NoteKey key) {
    return new SignedHead.StoredCheckpoint(size, new Checkpoint(ORIGIN, size, root).sign(key));
  }

  static byte[] seed(int b) {
    byte[] s = new byte[32];
    s[0] = (byte) b;
    return s;
  }
}
