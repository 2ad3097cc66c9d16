package org.trialledger.log.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.merkle.MerkleTree;
import org.trialledger.log.store.CheckpointRow;
import org.trialledger.log.store.JpaNodeStore;
import org.trialledger.log.store.LedgerLeafRows;
import org.trialledger.log.store.LogHead;

/**
 * One batch of integration, in one transaction: lock the log head (the single-writer lock across
 * every instance, since all share the database), check that the head is the tree the log last
 * signed (else refuse, and raise the {@link IntegrityAlarm}), give the oldest queued entries the
 * next leaf indices, store the new complete-subtree hashes, advance the head and sign a checkpoint.
 * Append-only and set-based: one multi-row INSERT of leaves, one of inner nodes and one DELETE of
 * the batch's queue rows, whatever the batch size; no entry row is updated. A crash anywhere in
 * between rolls the whole batch back: leaves, nodes, queue and checkpoint commit together or not at
 * all.
 */
@ApplicationScoped
public class IntegrationStep {
  @PersistenceContext private EntityManager em;
  @Inject private LogSigner signer;
  @Inject private Clock clock;
  @Inject private HeadGuard guard;
  @Inject private IntegrityAlarm alarm;

  /** Integrates up to {@code maxBatch} queued entries; returns how many it integrated. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int integrateBatch(int maxBatch) {
    LogHead head = em.find(LogHead.class, LogHead.ID, LockModeType.PESSIMISTIC_WRITE);
    Optional<String> refusal = guard.headRefusal(head);
    LedgerLeafRows rows = new LedgerLeafRows(em);
    List<LedgerLeafRows.Queued> queued = List.of();
    if (refusal.isEmpty()) {
      queued = rows.oldestQueued(maxBatch);
      if (!queued.isEmpty()) refusal = guard.treeRefusal(head);
    }
    if (refusal.isPresent()) {
      alarm.raise(refusal.get(), clock.instant());
      return 0;
    }
    alarm.clear();
    if (queued.isEmpty()) return 0;

    long size = head.getTreeSize();
    Instant now = clock.instant();
    MerkleTree.Appended appended =
        new MerkleTree(new JpaNodeStore(em))
            .append(size, queued.stream().map(LedgerLeafRows.Queued::leafHash).toList());
    rows.appendLeaves(size, queued, now);
    rows.insertInnerNodes(appended.newNodes());
    long newSize = size + queued.size();
    Hash root = appended.root();
    head.advance(newSize, root, now);
    em.persist(new CheckpointRow(newSize, root, signer.sign(newSize, appended.root()), now));
    return queued.size();
  }
}
