package org.trialledger.ledger.witness;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.trialledger.ledger.merkle.ProofException;
import org.trialledger.ledger.merkle.ProofVerifier;
import org.trialledger.ledger.note.Checkpoint;
import org.trialledger.ledger.note.NoteKey;
import org.trialledger.ledger.note.SignedNote;

/**
 * The witness's decision on an {@code add-checkpoint} request (C2SP tlog-witness): check the log's
 * signature, that the old size is the size it cosigned last, and the consistency proof from its
 * checkpoint to the new one; only then record the new checkpoint durably and cosign it. Check and
 * record happen under one lock, so two requests can never roll the record back (the race the spec
 * describes). A log is known by its origin, which is the name of its note key.
 */
public final class Witness {
  private final CosignerKey key;
  private final List<NoteKey> logKeys;
  private final WitnessStore store;
  private final LongSupplier clockSeconds;

  public Witness(
      CosignerKey key, List<NoteKey> logKeys, WitnessStore store, LongSupplier clockSeconds) {
    this.key = key;
    this.logKeys = List.copyOf(logKeys);
    this.store = store;
    this.clockSeconds = clockSeconds;
  }

  /** An HTTP answer: status, content type and body. */
  public record Answer(int status, String contentType, String body) {
    static Answer text(int status, String message) {
      return new Answer(status, "text/plain; charset=utf-8", message + "\n");
    }

    static Answer size(long size) {
      return new Answer(409, "text/x.tlog.size", size + "\n");
    }
  }

  public synchronized Answer addCheckpoint(AddCheckpointRequest request) throws IOException {
    String note = request.checkpointNote();
    String origin = note.substring(0, Math.max(0, note.indexOf('\n')));
    List<NoteKey> trusted = logKeys.stream().filter(k -> k.name().equals(origin)).toList();
    if (trusted.isEmpty()) return Answer.text(404, "Unknown log origin: " + origin);
    Checkpoint checkpoint = null;
    List<String> problems = new ArrayList<>();
    for (NoteKey k : trusted) {
      try {
        checkpoint = Checkpoint.open(note, k);
        break;
      } catch (SignedNote.NoteException e) {
        problems.add(e.getMessage());
      }
    }
    if (checkpoint == null)
      return Answer.text(
          403, "No valid signature by the log's key: " + String.join("; ", problems));
    if (request.oldSize() > checkpoint.size())
      return Answer.text(
          400,
          "The old size "
              + request.oldSize()
              + " exceeds the checkpoint size "
              + checkpoint.size());
    Optional<Checkpoint> latest = store.latest(origin);
    long latestSize = latest.map(Checkpoint::size).orElse(0L);
    if (request.oldSize() != latestSize) return Answer.size(latestSize);
    if (latestSize > 0) {
      try {
        ProofVerifier.verifyConsistency(
            latestSize, checkpoint.size(), latest.get().root(), checkpoint.root(), request.proof());
      } catch (ProofException e) {
        // Same size, other root: a split view; the spec answers it with the size, like a lag.
        if (latestSize == checkpoint.size()) return Answer.size(latestSize);
        return Answer.text(422, "The consistency proof does not verify: " + e.getMessage());
      }
    }
    store.save(checkpoint, note);
    // the body exactly as the log signed it: that is what a verifier of the note will hash
    String body = note.substring(0, note.lastIndexOf("\n\n") + 1);
    return new Answer(200, "text/plain; charset=utf-8", key.cosign(body, clockSeconds.getAsLong()));
  }
}
