package org.trialledger.log.domain;

import java.util.List;
import java.util.Optional;
import org.trialledger.ledger.note.Checkpoint;
import org.trialledger.ledger.note.NoteKey;
import org.trialledger.ledger.note.SignedNote;

/**
 * Whether the server may sign with the key it loaded from its key file. The database publishes
 * exactly one key, and it must be the loaded one, and the newest stored checkpoint must verify
 * under it: otherwise a second row, a deleted row or a swapped key file — all within reach of SQL
 * or file access alone — would have the server publish and sign with a key verifiers were never
 * shown.
 */
public final class PublishedKeyCheck {
  private PublishedKeyCheck() {}

  /**
   * Why the server must not start, as one line; empty when it may. {@code published} are the
   * verifier keys in {@code log_key}; an empty list is a first start only while the log has neither
   * a checkpoint nor a leaf.
   */
  public static Optional<String> refusal(
      List<String> published,
      NoteKey loaded,
      String keyFile,
      SignedHead.StoredCheckpoint newest,
      long headSize) {
    if (published.size() > 1) {
      return Optional.of(
          "the database publishes "
              + published.size()
              + " log keys "
              + published
              + "; exactly one may be published. Remove the rows that were added to log_key.");
    }
    if (published.isEmpty()) {
      if (newest == null && headSize == 0) return Optional.empty(); // first start
      return Optional.of(
          "the database publishes no log key although its log has "
              + (newest == null ? "no checkpoint" : "checkpoints up to size " + newest.treeSize())
              + " and "
              + headSize
              + " leaves: the log_key row was deleted. Restore it and the key file it names.");
    }
    String vkey = published.get(0);
    if (!vkey.equals(loaded.verifierKey())) {
      return Optional.of(
          "the log key in "
              + keyFile
              + " ("
              + loaded.verifierKey()
              + ") is not the key this database published ("
              + vkey
              + "). Restore the right key file; refusing to sign with another.");
    }
    if (newest != null) {
      try {
        Checkpoint.open(newest.note(), loaded.verifier());
      } catch (SignedNote.NoteException e) {
        return Optional.of(
            "the newest stored checkpoint (size "
                + newest.treeSize()
                + ") does not verify under the log key in "
                + keyFile
                + " ("
                + loaded.verifierKey()
                + "): "
                + e.getMessage().replace('\n', ' ')
                + ". Restore the database or the key file.");
      }
    }
    return Optional.empty();
  }
}
