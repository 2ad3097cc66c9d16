package org.trialledger.log.store;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.merkle.NodeId;

/**
 * The integrator's set-based reads and writes: the oldest queued entries, and per batch one
 * multi-row INSERT of leaves, one of inner nodes and one DELETE of the batch's queue rows. The
 * statements carry their values as literals: every value is a {@code long} or the hex of a {@link
 * Hash}, so nothing from outside reaches the SQL text, and one statement per batch replaces a round
 * trip (and, for JDBC batches, a bind) per row.
 */
public final class LedgerLeafRows {
  /** A queued entry: its id and the leaf hash it was queued with. */
  public record Queued(long entryId, Hash leafHash) {}

  private final EntityManager em;

  public LedgerLeafRows(EntityManager em) {
    this.em = em;
  }

  /**
   * Up to {@code max} queued entries, oldest first. An entry that already has a leaf (its queue row
   * written again by hand) is skipped rather than integrated twice; the full audit reports it.
   */
  public List<Queued> oldestQueued(int max) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT q.entry_id, e.leaf_hash FROM ledger_queue q"
                    + " JOIN ledger_entry e ON e.id = q.entry_id"
                    + " WHERE NOT EXISTS (SELECT 1 FROM ledger_leaf l WHERE l.entry_id = q.entry_id)"
                    + " ORDER BY q.entry_id")
            .setMaxResults(max)
            .getResultList();
    List<Queued> queued = new ArrayList<>(rows.size());
    for (Object row : rows) {
      Object[] cols = (Object[]) row;
      queued.add(new Queued(((Number) cols[0]).longValue(), Hash.ofHex(cols[1].toString())));
    }
    return queued;
  }

  /** Leaves {@code firstIndex}, {@code firstIndex + 1}, … for the given entries, in that order. */
  public void appendLeaves(long firstIndex, List<Queued> entries, Instant at) {
    if (entries.isEmpty()) return;
    StringBuilder sql =
        new StringBuilder(40 + 32 * entries.size())
            .append("INSERT INTO ledger_leaf (leaf_index, entry_id, integrated_at) VALUES ");
    for (int i = 0; i < entries.size(); i++) {
      if (i > 0) sql.append(',');
      sql.append('(')
          .append(firstIndex + i)
          .append(',')
          .append(entries.get(i).entryId())
          .append(",?1)");
    }
    em.createNativeQuery(sql.toString()).setParameter(1, at).executeUpdate();
    StringBuilder dequeue =
        new StringBuilder(40 + 12 * entries.size())
            .append("DELETE FROM ledger_queue WHERE entry_id IN (");
    for (int i = 0; i < entries.size(); i++) {
      if (i > 0) dequeue.append(',');
      dequeue.append(entries.get(i).entryId());
    }
    em.createNativeQuery(dequeue.append(')').toString()).executeUpdate();
  }

  /** The new complete subtrees of two or more leaves (level 0 is the entries' own leaf hashes). */
  public void insertInnerNodes(Map<NodeId, Hash> nodes) {
    StringBuilder sql =
        new StringBuilder("INSERT INTO tree_node (level, node_index, hash) VALUES ");
    boolean any = false;
    for (Map.Entry<NodeId, Hash> n : nodes.entrySet()) {
      if (n.getKey().level() == 0) continue;
      if (any) sql.append(',');
      sql.append('(')
          .append(n.getKey().level())
          .append(',')
          .append(n.getKey().index())
          .append(",'")
          .append(n.getValue().hex())
          .append("')");
      any = true;
    }
    if (any) em.createNativeQuery(sql.toString()).executeUpdate();
  }
}
