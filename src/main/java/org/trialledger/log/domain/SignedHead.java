package org.trialledger.log.domain;

import java.util.Optional;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.note.Checkpoint;
import org.trialledger.ledger.note.NoteKey;
import org.trialledger.ledger.note.SignedNote;

/**
 * Whether the stored log head is a tree the log signed: the head's size and root must be exactly
 * those of the newest checkpoint, and that checkpoint must verify under the log key. Anything else
 * is a tree nobody signed — leaves appended, or the root changed, behind the integrator's back —
 * and neither the audit may pass it nor the integrator sign over it.
 */
public final class SignedHead {
  private SignedHead() {}

  /** The newest stored checkpoint: its row's size and its note (null when there is none). */
  public record StoredCheckpoint(long treeSize, String note) {}

  /**
   * Compares the head ({@code headSize}, {@code headRoot}) with {@code newest}; empty when the head
   * is exactly what that checkpoint signs under {@code key}.
   */
  public static Optional<Discrepancy> check(
      long headSize, Hash headRoot, StoredCheckpoint newest, NoteKey key) {
    if (newest == null) {
      return finding(
          "checkpoint", "a signed checkpoint of size " + headSize, "no checkpoint at all");
    }
    Checkpoint signed;
    try {
      signed = Checkpoint.open(newest.note(), key);
    } catch (SignedNote.NoteException e) {
      return finding(
          "checkpoint",
          "the newest checkpoint (size " + newest.treeSize() + ") signed by " + key.verifierKey(),
          e.getMessage());
    }
    if (signed.size() != headSize || signed.size() != newest.treeSize()) {
      String extension =
          headSize > signed.size()
              ? " (" + (headSize - signed.size()) + " leaves nobody signed)"
              : " (smaller than what was signed)";
      return finding(
          "tree_size",
          "the size of the newest signed checkpoint, " + signed.size(),
          headSize + extension);
    }
    if (!signed.root().equals(headRoot)) {
      return finding(
          "root_hash",
          signed.root().hex() + " (signed at size " + signed.size() + ")",
          headRoot.hex() + " (another tree of the same size)");
    }
    return Optional.empty();
  }

  private static Optional<Discrepancy> finding(String field, String expected, String found) {
    return Optional.of(
        new Discrepancy(Discrepancy.Kind.UNSIGNED_HEAD, "log head", field, expected, found));
  }
}
