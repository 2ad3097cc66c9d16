package org.trialledger.log.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.trialledger.ledger.Hash;
import org.trialledger.log.domain.WitnessRefusal;
import org.trialledger.log.store.CheckpointRow;
import org.trialledger.log.store.WitnessCosignature;

/** The witnesses' cosignatures the log received, and what they add up to. */
@ApplicationScoped
public class WitnessCosignatures {
  @PersistenceContext private EntityManager em;
  @Inject private WitnessSettings settings;
  @Inject private Clock clock;
  @Inject private LedgerLog log;
  @Inject private Event<WitnessRefusal> refusals;

  /** Fires a witness's refusal in a transaction, for the audit trail to record it. */
  @Transactional
  public void reportRefusal(WitnessRefusal refusal) {
    refusals.fire(refusal);
  }

  /**
   * Records a verified cosignature; a second one for the same checkpoint and witness is kept out.
   */
  @Transactional
  public void record(long treeSize, String witnessKey, String line, long timestamp) {
    boolean known =
        !em.createQuery(
                "SELECT w.treeSize FROM WitnessCosignature w WHERE w.treeSize = :s AND w.witnessKey = :k",
                Long.class)
            .setParameter("s", treeSize)
            .setParameter("k", witnessKey)
            .getResultList()
            .isEmpty();
    if (known) return;
    em.persist(
        new WitnessCosignature(
            treeSize, witnessKey, line, Instant.ofEpochSecond(timestamp), clock.instant()));
  }

  /** The latest checkpoint, if any, read in a transaction of its own (see below). */
  @Transactional
  public Optional<CheckpointView> latestCheckpoint() {
    return em.createNamedQuery("CheckpointRow.latest", CheckpointRow.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(CheckpointView::of);
  }

  /** Whether the log published a checkpoint of this size (a transaction of its own, as below). */
  @Transactional
  public boolean published(long treeSize) {
    return log.findCheckpoint(treeSize).isPresent();
  }

  /**
   * The log's consistency proof, in a transaction of its own: witnesses are asked from parallel
   * threads, and an entity manager without a transaction must not be shared between them.
   */
  @Transactional
  public List<Hash> consistencyProof(long from, long to) {
    return log.consistencyProof(from, to);
  }

  /** Whether this witness's cosignature of the checkpoint of this size is stored. */
  @Transactional
  public boolean hasCosigned(long treeSize, String witnessKey) {
    return !em.createQuery(
            "SELECT w.id FROM WitnessCosignature w WHERE w.treeSize = :s AND w.witnessKey = :k",
            Long.class)
        .setParameter("s", treeSize)
        .setParameter("k", witnessKey)
        .getResultList()
        .isEmpty();
  }

  /** The largest tree size this witness cosigned for us, 0 if none: the old size we send it. */
  @Transactional
  public long lastSize(String witnessKey) {
    Long max =
        em.createQuery(
                "SELECT MAX(w.treeSize) FROM WitnessCosignature w WHERE w.witnessKey = :k",
                Long.class)
            .setParameter("k", witnessKey)
            .getSingleResult();
    return max == null ? 0 : max;
  }

  /** The cosignature lines of configured witnesses on a checkpoint, each ending in a newline. */
  @Transactional
  public List<String> lines(long treeSize) {
    List<String> configured = configuredKeys();
    List<String> out = new ArrayList<>();
    for (WitnessCosignature w :
        em.createQuery(
                "SELECT w FROM WitnessCosignature w WHERE w.treeSize = :s ORDER BY w.witnessKey",
                WitnessCosignature.class)
            .setParameter("s", treeSize)
            .getResultList()) {
      if (configured.contains(w.getWitnessKey())) out.add(w.getSignatureLine());
    }
    return out;
  }

  /**
   * The largest tree size cosigned by at least the quorum of configured witnesses; 0 if none. A
   * checkpoint below it that fewer witnesses cosigned is still covered: they cosigned a larger tree
   * consistent with it.
   */
  @Transactional
  public long witnessedSize() {
    List<String> configured = configuredKeys();
    if (configured.isEmpty()) return 0;
    Map<Long, Long> bySize = new TreeMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT w.treeSize, COUNT(DISTINCT w.witnessKey) FROM WitnessCosignature w"
                    + " WHERE w.witnessKey IN :keys GROUP BY w.treeSize",
                Object[].class)
            .setParameter("keys", configured)
            .getResultList()) {
      bySize.put((Long) row[0], (Long) row[1]);
    }
    long witnessed = 0;
    for (Map.Entry<Long, Long> e : bySize.entrySet())
      if (e.getValue() >= settings.quorum()) witnessed = e.getKey();
    return witnessed;
  }

  private List<String> configuredKeys() {
    return settings.witnesses().stream().map(w -> w.key().verifierKey()).toList();
  }
}
