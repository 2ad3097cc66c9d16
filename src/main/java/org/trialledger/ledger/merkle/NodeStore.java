package org.trialledger.ledger.merkle;

import java.util.Collection;
import java.util.Map;
import org.trialledger.ledger.Hash;

/**
 * Where the hashes of complete subtrees are kept. Append-only: a complete subtree's hash never
 * changes. Proofs and appends need O(log n) of them, asked for in one call so that a database store
 * can fetch them in one query.
 */
public interface NodeStore {
  /** The stored hashes of the given nodes; a node that is not stored is absent from the result. */
  Map<NodeId, Hash> get(Collection<NodeId> ids);
}
