package org.trialledger.log.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.merkle.MerkleTree;
import org.trialledger.log.store.CheckpointRow;
import org.trialledger.log.store.JpaNodeStore;
import org.trialledger.log.store.LedgerEntryRow;
import org.trialledger.log.store.LogHead;
import org.trialledger.platform.NotFoundException;
import org.trialledger.platform.PublicReads;
import org.trialledger.platform.RuleViolationException;

/**
 * Reads the log: checkpoints, proofs and receipts. Proofs are served only against published
 * checkpoints, so that whatever a verifier is shown can be tied to a signed, kept tree head.
 *
 * <p>Anonymous requests may read from the replica ({@link PublicReads}): what is not there yet (a
 * checkpoint, an entry, a proof against a newer tree) is asked of the primary.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LedgerLog {
  @PersistenceContext private EntityManager em;
  @Inject private PublicReads reads;

  private EntityManager em() {
    return reads.entityManager(em);
  }

  public CheckpointRow latestCheckpoint() {
    return reads.read(
        () ->
            em().createNamedQuery("CheckpointRow.latest", CheckpointRow.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("The log has no checkpoint yet")));
  }

  public Optional<CheckpointRow> findCheckpoint(long treeSize) {
    return reads.read(
        () -> Optional.ofNullable(em().find(CheckpointRow.class, treeSize)), Optional::isEmpty);
  }

  public CheckpointRow getCheckpoint(long treeSize) {
    return findCheckpoint(treeSize)
        .orElseThrow(
            () -> new NotFoundException("No checkpoint was published for tree size " + treeSize));
  }

  /** The smallest published tree size that includes leaf {@code leafIndex}. */
  public Optional<Long> firstCheckpointCovering(long leafIndex) {
    return reads.read(
        () ->
            em().createNamedQuery("CheckpointRow.atLeast", CheckpointRow.class)
                .setParameter("size", leafIndex + 1)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(CheckpointRow::getTreeSize),
        Optional::isEmpty);
  }

  public List<CheckpointRow> recentCheckpoints(int max) {
    return reads.read(
        () ->
            em().createNamedQuery("CheckpointRow.latest", CheckpointRow.class)
                .setMaxResults(max)
                .getResultList());
  }

  /** The latest checkpoint as pages and resources show it. */
  public CheckpointView latestCheckpointView() {
    return CheckpointView.of(latestCheckpoint());
  }

  /** The checkpoint published for a tree size as pages and resources show it. */
  public CheckpointView checkpointView(long treeSize) {
    return CheckpointView.of(getCheckpoint(treeSize));
  }

  /** The most recent checkpoints, newest first, as pages and resources show them. */
  public List<CheckpointView> recentCheckpointViews(int max) {
    return recentCheckpoints(max).stream().map(CheckpointView::of).toList();
  }

  /** Leaves in index order from {@code start}, as receipts without a covering checkpoint. */
  public List<ReceiptView> leafReceipts(long start, int max) {
    return leaves(start, max).stream().map(e -> ReceiptView.of(e, null)).toList();
  }

  /**
   * The receipt of the entry with this leaf hash: its index and the first checkpoint that covers
   * it, if any.
   */
  public Optional<ReceiptView> receipt(String leafHash) {
    // on the replica an entry may still look queued, or uncovered, that the primary has integrated
    return reads.read(
        () ->
            entriesByLeafHash(leafHash).stream()
                .findFirst()
                .map(
                    e ->
                        ReceiptView.of(
                            e,
                            e.getLeafIndex() == null
                                ? null
                                : firstCheckpointCovering(e.getLeafIndex()).orElse(null))),
        r -> r.isEmpty() || r.get().leafIndex() == null || r.get().checkpointSize() == null);
  }

  /** The audit path of leaf {@code leafIndex} in the published tree of {@code treeSize}. */
  public List<Hash> inclusionProof(long leafIndex, long treeSize) {
    if (leafIndex < 0 || leafIndex >= treeSize) {
      getCheckpoint(treeSize);
      throw new RuleViolationException(
          "Leaf index must be at least 0 and below the tree size " + treeSize);
    }
    return reads.read(
        () -> {
          getCheckpoint(treeSize);
          return tree().inclusionProof(leafIndex, treeSize);
        });
  }

  /**
   * The proof that the published tree of {@code newSize} extends the published tree of {@code
   * oldSize}.
   */
  public List<Hash> consistencyProof(long oldSize, long newSize) {
    getCheckpoint(oldSize);
    getCheckpoint(newSize);
    if (oldSize < 1 || oldSize > newSize) {
      throw new RuleViolationException("Need 1 ≤ old ≤ new for a consistency proof");
    }
    return reads.read(() -> tree().consistencyProof(oldSize, newSize));
  }

  private MerkleTree tree() {
    return new MerkleTree(new JpaNodeStore(em()));
  }

  /**
   * Entries whose content hash (a file's SHA-256, a record's hash or commitment) is this, oldest
   * first.
   */
  public List<LedgerEntryRow> entriesByContentHash(Hash contentHash) {
    return reads.read(
        () ->
            em().createQuery(
                    "SELECT e FROM LedgerEntryRow e WHERE e.contentHash = :h ORDER BY e.id",
                    LedgerEntryRow.class)
                .setParameter("h", contentHash)
                .setMaxResults(100)
                .getResultList(),
        List::isEmpty);
  }

  /**
   * Entries of one artifact and of those it names as its parts ({@code id} or {@code id/…}), in log
   * order.
   */
  public List<LedgerEntryRow> entriesOfArtifact(String artifactId) {
    return reads.read(
        () ->
            em().createQuery(
                    "SELECT e FROM LedgerEntryRow e WHERE e.artifactId = :id OR e.artifactId LIKE :parts ORDER BY e.id",
                    LedgerEntryRow.class)
                .setParameter("id", artifactId)
                .setParameter("parts", artifactId + "/%") // registry ids hold no LIKE wildcards
                .getResultList(),
        List::isEmpty);
  }

  /** As {@link #entriesByLeafHash(Hash)} for a hash as typed in a URL: none if it is not one. */
  public List<LedgerEntryRow> entriesByLeafHash(String leafHashHex) {
    return parsed(leafHashHex).map(this::entriesByLeafHash).orElse(List.of());
  }

  /** As {@link #entriesByContentHash(Hash)} for a hash as typed: none if it is not one. */
  public List<LedgerEntryRow> entriesByContentHash(String contentHashHex) {
    return parsed(contentHashHex).map(this::entriesByContentHash).orElse(List.of());
  }

  private static Optional<Hash> parsed(String hex) {
    try {
      return Optional.of(Hash.ofHex(hex));
    } catch (IllegalArgumentException notAHash) {
      return Optional.empty();
    }
  }

  public List<LedgerEntryRow> entriesByLeafHash(Hash leafHash) {
    return reads.read(
        () ->
            em().createNamedQuery("LedgerEntryRow.byLeafHash", LedgerEntryRow.class)
                .setParameter("leafHash", leafHash)
                .getResultList(),
        List::isEmpty);
  }

  /** Leaves [start, start + max) in index order. */
  public List<LedgerEntryRow> leaves(long start, int max) {
    return reads.read(
        () ->
            em().createQuery(
                    "SELECT e FROM LedgerEntryRow e WHERE e.leafIndex >= :start ORDER BY e.leafIndex",
                    LedgerEntryRow.class)
                .setParameter("start", start)
                .setMaxResults(max)
                .getResultList());
  }

  public long treeSize() {
    return reads.read(() -> em().find(LogHead.class, LogHead.ID).getTreeSize());
  }

  public long queuedCount() {
    return reads.read(
        () -> em().createQuery("SELECT COUNT(q) FROM LedgerQueue q", Long.class).getSingleResult());
  }

  /**
   * Entries queued per hour over the last {@code hours} hours, oldest first, with empty hours as 0.
   */
  public Map<Instant, Long> entriesPerHour(Instant now, int hours) {
    Instant end = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
    Instant start = end.minus(hours, ChronoUnit.HOURS);
    Map<Instant, Long> perHour = new LinkedHashMap<>();
    for (Instant h = start; h.isBefore(end); h = h.plus(1, ChronoUnit.HOURS)) perHour.put(h, 0L);
    List<Instant> times =
        em.createQuery(
                "SELECT e.queuedAt FROM LedgerEntryRow e WHERE e.queuedAt >= :start", Instant.class)
            .setParameter("start", start)
            .getResultList();
    for (Instant t : times) perHour.merge(t.truncatedTo(ChronoUnit.HOURS), 1L, Long::sum);
    return perHour;
  }
}
