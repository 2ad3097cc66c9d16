package org.trialledger.log.store;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.merkle.NodeId;
import org.trialledger.ledger.merkle.NodeStore;

/**
 * Stored complete-subtree hashes, read in at most two queries per call (leaves, inner nodes): a
 * proof or an append needs O(log n) of them, named by (level, index). Level 0 is the entries' leaf
 * hashes themselves.
 */
public final class JpaNodeStore implements NodeStore {
  private final EntityManager em;

  public JpaNodeStore(EntityManager em) {
    this.em = em;
  }

  @Override
  public Map<NodeId, Hash> get(Collection<NodeId> ids) {
    Map<NodeId, Hash> found = new HashMap<>();
    List<NodeId> leaves = ids.stream().filter(id -> id.level() == 0).toList();
    List<NodeId> inner = ids.stream().filter(id -> id.level() > 0).toList();
    if (!leaves.isEmpty()) {
      // Leaves are not copied into tree_node: their hashes are the entries' own, found by leaf
      // index.
      List<?> rows =
          em.createNativeQuery(
                  "SELECT l.leaf_index, e.leaf_hash FROM ledger_leaf l"
                      + " JOIN ledger_entry e ON e.id = l.entry_id WHERE l.leaf_index IN (?1)")
              .setParameter(1, leaves.stream().map(NodeId::index).toList())
              .getResultList();
      for (Object row : rows) {
        Object[] cols = (Object[]) row;
        found.put(new NodeId(0, ((Number) cols[0]).longValue()), Hash.ofHex(cols[1].toString()));
      }
    }
    if (!inner.isEmpty()) {
      StringBuilder sql = new StringBuilder("SELECT level, node_index, hash FROM tree_node WHERE ");
      List<Object> params = new ArrayList<>();
      int i = 0;
      for (NodeId id : inner) {
        if (i > 0) sql.append(" OR ");
        sql.append("(level = ?").append(++i).append(" AND node_index = ?").append(++i).append(')');
        params.add((short) id.level());
        params.add(id.index());
      }
      var query = em.createNativeQuery(sql.toString());
      for (int p = 0; p < params.size(); p++) query.setParameter(p + 1, params.get(p));
      for (Object row : query.getResultList()) {
        Object[] cols = (Object[]) row;
        found.put(
            new NodeId(((Number) cols[0]).intValue(), ((Number) cols[1]).longValue()),
            Hash.ofHex(cols[2].toString()));
      }
    }
    return found;
  }
}
