package org.trialledger.log.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.note.Checkpoint;
import org.trialledger.ledger.note.NoteKey;

/** Signs checkpoints with the log's key; set once at start-up by {@link LogKeyInitializer}. */
@ApplicationScoped
public class LogSigner {
  private volatile NoteKey key;
  private volatile String origin;

  void use(String origin, NoteKey key) {
    this.origin = origin;
    this.key = key;
  }

  /** The signed note of the checkpoint (origin, size, root). */
  public String sign(long treeSize, Hash root) {
    return new Checkpoint(origin(), treeSize, root).sign(requireKey());
  }

  public String origin() {
    requireKey();
    return origin;
  }

  public String keyId() {
    return requireKey().keyIdHex();
  }

  public String vkey() {
    return requireKey().verifierKey();
  }

  /** The log's public key, to verify notes. */
  public NoteKey verifier() {
    return requireKey().verifier();
  }

  private NoteKey requireKey() {
    NoteKey k = key;
    if (k == null) throw new IllegalStateException("The log key is not loaded yet");
    return k;
  }
}
