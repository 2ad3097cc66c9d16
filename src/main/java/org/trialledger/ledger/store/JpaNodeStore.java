package org.trialledger.ledger.store;

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
 * Stored complete-subtree hashes, read in one query per call: a proof or an append needs O(log n) of them,
 * named by (level, index).
 */
final class JpaNodeStore implements NodeStore {
  private final EntityManager em;

  JpaNodeStore(EntityManager em) {
    this.em = em;
  }

  @Override
  public Map<NodeId, Hash> get(Collection<NodeId> ids) {
    Map<NodeId, Hash> found = new HashMap<>();
    if (ids.isEmpty()) return found;
    StringBuilder sql = new StringBuilder("SELECT level, node_index, hash FROM tree_node WHERE ");
    List<Object> params = new ArrayList<>();
    int i = 0;
    for (NodeId id : ids) {
      if (i > 0) sql.append(" OR ");
      sql.append("(level = ?").append(++i).append(" AND node_index = ?").append(++i).append(')');
      params.add((short) id.level());
      params.add(id.index());
    }
    var query = em.createNativeQuery(sql.toString());
    for (int p = 0; p < params.size(); p++) query.setParameter(p + 1, params.get(p));
    for (Object row : query.getResultList()) {
      Object[] cols = (Object[]) row;
      found.put(new NodeId(((Number) cols[0]).intValue(), ((Number) cols[1]).longValue()), Hash.ofHex(cols[2].toString().trim()));
    }
    return found;
  }
}
