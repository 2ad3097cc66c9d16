package org.trialledger.log.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.trialledger.ledger.bundle.ProofBundle;
import org.trialledger.log.store.CheckpointRow;
import org.trialledger.log.store.LedgerEntryRow;
import org.trialledger.platform.NotFoundException;
import org.trialledger.platform.RuleViolationException;

/**
 * Assembles the proof bundle of an entry (docs/ledger-format.md §6): its inclusion in the latest
 * checkpoint, and the consistency of that checkpoint with the first one that covered the entry. A
 * commitment's salt never leaves here: personal data is proven only where the record and salt are
 * held.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProofBundles {
  @Inject private LedgerLog log;
  @Inject private LogSigner signer;
  @Inject private WitnessCosignatures witnesses;

  public ProofBundle forLeafHash(String leafHash) {
    return forLeafHash(leafHash, null, null, null);
  }

  /**
   * The bundle against the checkpoint of {@code treeSize}, carrying that checkpoint's timestamps
   * when it was anchored. Without a size: the latest witnessed checkpoint when it covers the entry
   * (so that the bundle carries the quorum's cosignatures), else the latest. The checkpoint is the
   * cosigned note: the log's signature line, then the cosignature lines of configured witnesses
   * that the log verified when it received them (C2SP signed-note: verifiers ignore lines by keys
   * they do not know).
   */
  public ProofBundle forLeafHash(
      String leafHash, Long treeSize, String otsBase64, String rfc3161Base64) {
    List<LedgerEntryRow> entries = log.entriesByLeafHash(leafHash);
    if (entries.isEmpty())
      throw new NotFoundException("The log holds no entry with leaf hash " + leafHash);
    LedgerEntryRow entry = entries.get(0);
    if (entry.getLeafIndex() == null) {
      throw new RuleViolationException(
          "The entry is still queued; its proof exists once the next checkpoint is signed");
    }
    long index = entry.getLeafIndex();
    long witnessed = treeSize == null ? witnesses.witnessedSize() : 0;
    CheckpointRow latest =
        treeSize != null
            ? log.getCheckpoint(treeSize)
            : witnessed > index ? log.getCheckpoint(witnessed) : log.latestCheckpoint();
    if (index >= latest.getTreeSize())
      throw new RuleViolationException(
          "The checkpoint of size " + latest.getTreeSize() + " does not cover leaf " + index);
    List<ProofBundle.Consistency> consistency =
        log.firstCheckpointCovering(index)
            .filter(first -> first < latest.getTreeSize())
            .map(
                first ->
                    List.of(
                        new ProofBundle.Consistency(
                            log.getCheckpoint(first).getNote(),
                            log.consistencyProof(first, latest.getTreeSize()))))
            .orElse(List.of());
    return new ProofBundle(
        entry.getContentKind(),
        entry.getContentHash(),
        null,
        null,
        entry.getEntryBytes(),
        index,
        latest.getTreeSize(),
        log.inclusionProof(index, latest.getTreeSize()),
        latest.getNote() + String.join("", witnesses.lines(latest.getTreeSize())),
        signer.vkey(),
        consistency,
        otsBase64,
        rfc3161Base64);
  }
}
