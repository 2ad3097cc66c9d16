package org.trialledger.verification.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.merkle.ProofException;
import org.trialledger.ledger.merkle.ProofVerifier;
import org.trialledger.ledger.note.Checkpoint;
import org.trialledger.ledger.note.SignedNote;
import org.trialledger.log.application.LedgerLog;
import org.trialledger.log.application.LogSigner;
import org.trialledger.log.store.CheckpointRow;
import org.trialledger.platform.DatabaseUnavailable;
import org.trialledger.platform.NotFoundException;
import org.trialledger.registry.domain.InvalidRecordException;

/**
 * "Was history rewritten since I saved this checkpoint?" A checkpoint someone kept is checked:
 * signed by this log's key, the same as the one the registry keeps for that size, and extended by
 * the latest checkpoint (an RFC 9162 consistency proof, verified here and returned so that it can
 * be verified elsewhere too).
 *
 * <p>Whatever fails in that check is the verdict, not an error: above all a latest checkpoint that
 * does not verify, or a proof the stored tree cannot give, which is what this check exists to
 * report. Only a missing body (422) and a database that is not available (503) are errors.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ConsistencyMonitor {
  @Inject private LedgerLog log;
  @Inject private LogSigner signer;

  /** The verdict, with the proof and the latest checkpoint it was checked against. */
  public record Verdict(
      boolean consistent,
      String verdict,
      Long savedSize,
      long latestSize,
      String latestCheckpoint,
      List<String> proof) {}

  private Optional<CheckpointRow> latestCheckpoint() {
    try {
      return Optional.of(log.latestCheckpoint());
    } catch (NotFoundException none) {
      return Optional.empty();
    }
  }

  public Verdict check(String savedNote) {
    if (savedNote == null || savedNote.isBlank())
      throw InvalidRecordException.of(
          "checkpoint", "Paste a checkpoint (the signed note text) you saved earlier");
    String note = savedNote.replace("\r\n", "\n");
    if (!note.endsWith("\n")) note = note + "\n";
    Optional<CheckpointRow> newest = latestCheckpoint();
    if (newest.isEmpty())
      return new Verdict(
          false, "The registry has not signed a checkpoint yet", null, 0, null, List.of());
    CheckpointRow latest = newest.get();
    Checkpoint saved;
    try {
      saved = Checkpoint.open(note, signer.verifier());
    } catch (SignedNote.NoteException e) {
      return new Verdict(
          false,
          "This is not a checkpoint signed by this registry's log key: " + e.getMessage(),
          null,
          latest.getTreeSize(),
          latest.getNote(),
          List.of());
    }
    Checkpoint current;
    try {
      current = Checkpoint.open(latest.getNote(), signer.verifier());
    } catch (SignedNote.NoteException e) {
      return new Verdict(
          false,
          "ALARM: the registry's latest checkpoint (size "
              + latest.getTreeSize()
              + ") does not verify under its own log key ("
              + e.getMessage()
              + "): it cannot show that it extends the one you saved",
          saved.size(),
          latest.getTreeSize(),
          latest.getNote(),
          List.of());
    }
    if (saved.size() > current.size()) {
      return new Verdict(
          false,
          "The saved checkpoint is larger ("
              + saved.size()
              + ") than the latest one ("
              + current.size()
              + "): the registry is showing an older view than it signed before",
          saved.size(),
          current.size(),
          latest.getNote(),
          List.of());
    }
    Optional<CheckpointRow> kept = log.findCheckpoint(saved.size());
    if (kept.isPresent() && !kept.get().getRootHash().equals(saved.root())) {
      return new Verdict(
          false,
          "FORK: the registry signed two different roots for size " + saved.size(),
          saved.size(),
          current.size(),
          latest.getNote(),
          List.of());
    }
    if (kept.isEmpty()) {
      return new Verdict(
          false,
          "The registry does not publish a checkpoint of size "
              + saved.size()
              + " although it signed one",
          saved.size(),
          current.size(),
          latest.getNote(),
          List.of());
    }
    if (saved.size() == 0) {
      return new Verdict(
          true,
          "Consistent: every log extends the empty one you saved",
          0L,
          current.size(),
          latest.getNote(),
          List.of());
    }
    List<Hash> proof;
    try {
      proof = log.consistencyProof(saved.size(), current.size());
    } catch (RuntimeException e) {
      if (DatabaseUnavailable.isCause(e)) throw e;
      return new Verdict(
          false,
          "The registry cannot give a consistency proof from size "
              + saved.size()
              + " to "
              + current.size()
              + " from what it stores: "
              + e.getMessage(),
          saved.size(),
          current.size(),
          latest.getNote(),
          List.of());
    }
    try {
      ProofVerifier.verifyConsistency(
          saved.size(), current.size(), saved.root(), current.root(), proof);
    } catch (ProofException e) {
      return new Verdict(
          false,
          "The latest checkpoint does NOT extend the saved one: " + e.getMessage(),
          saved.size(),
          current.size(),
          latest.getNote(),
          proof.stream().map(Hash::hex).toList());
    }
    return new Verdict(
        true,
        "Consistent: the log of size "
            + current.size()
            + " extends the one of size "
            + saved.size()
            + " you saved; nothing before it was changed or removed",
        saved.size(),
        current.size(),
        latest.getNote(),
        proof.stream().map(Hash::hex).toList());
  }
}
