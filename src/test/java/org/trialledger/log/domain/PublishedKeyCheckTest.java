package org.trialledger.log.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.note.Checkpoint;
import org.trialledger.ledger.note.NoteKey;

/**
 * Issue 15 finding 4, "the log key, from SQL alone": the start-up decision for every way the
 * published key and the key file can disagree.
 */
class PublishedKeyCheckTest {
  private static final String ORIGIN = "example.org/log";
  private static final NoteKey KEY = NoteKey.signer(ORIGIN, SignedHeadTest.seed(1));
  private static final NoteKey OTHER = NoteKey.signer(ORIGIN, SignedHeadTest.seed(2));
  private static final Hash ROOT = Hash.sha256("root".getBytes());
  private static final SignedHead.StoredCheckpoint NEWEST = signed(KEY);

  @Test
  void theOnePublishedKeyWithItsCheckpointsStarts() {
    assertEquals(Optional.empty(), refusal(List.of(KEY.verifierKey()), KEY, NEWEST, 360));
  }

  @Test
  void aFirstStartOnAnEmptyLogStarts() {
    assertEquals(Optional.empty(), refusal(List.of(), KEY, null, 0));
  }

  @Test
  void aSecondRowInLogKey() {
    String why =
        refusal(List.of(KEY.verifierKey(), OTHER.verifierKey()), KEY, NEWEST, 360).orElseThrow();
    assertTrue(why.contains("publishes 2 log keys"), why);
  }

  @Test
  void aSecondRowNamingTheOtherKeyFileToo() {
    assertTrue(
        refusal(List.of(KEY.verifierKey(), OTHER.verifierKey()), OTHER, NEWEST, 360).isPresent());
  }

  @Test
  void theRowDeletedAndAnotherKeyFile() {
    String why = refusal(List.of(), OTHER, NEWEST, 360).orElseThrow();
    assertTrue(why.contains("no log key"), why);
  }

  @Test
  void theRowDeletedOnALogWithLeavesButNoCheckpoint() {
    assertTrue(refusal(List.of(), OTHER, null, 5).isPresent());
  }

  @Test
  void theKeyFileSwappedWithTheRowIntact() {
    String why = refusal(List.of(KEY.verifierKey()), OTHER, NEWEST, 360).orElseThrow();
    assertTrue(why.contains("is not the key this database published"), why);
  }

  @Test
  void theRowAndTheKeyFileSwappedTogether() {
    // an operator who replaces both still cannot make the stored checkpoints verify
    String why = refusal(List.of(OTHER.verifierKey()), OTHER, NEWEST, 360).orElseThrow();
    assertTrue(why.contains("newest stored checkpoint (size 360) does not verify"), why);
  }

  @Test
  void theNewestCheckpointNotVerifyingUnderTheLoadedKey() {
    String why = refusal(List.of(KEY.verifierKey()), KEY, signed(OTHER), 360).orElseThrow();
    assertTrue(why.contains("does not verify"), why);
  }

  @Test
  void everyRefusalIsOneLine() {
    for (Optional<String> r :
        List.of(
            refusal(List.of(KEY.verifierKey(), OTHER.verifierKey()), KEY, NEWEST, 360),
            refusal(List.of(), OTHER, NEWEST, 360),
            refusal(List.of(KEY.verifierKey()), OTHER, NEWEST, 360),
            refusal(List.of(KEY.verifierKey()), KEY, signed(OTHER), 360))) {
      assertFalse(r.orElseThrow().contains("\n"), r.get());
    }
  }

  private static Optional<String> refusal(
      List<String> published, NoteKey loaded, SignedHead.StoredCheckpoint newest, long head) {
    return PublishedKeyCheck.refusal(published, loaded, "/keys/log.key", newest, head);
  }

  private static SignedHead.StoredCheckpoint signed(NoteKey key) {
    return new SignedHead.StoredCheckpoint(360, new Checkpoint(ORIGIN, 360, ROOT).sign(key));
  }
}
