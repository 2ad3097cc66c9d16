package org.trialledger.ledger.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trialledger.ledger.Hash;

/**
 * Complete-subtree hashes in memory, one flat byte array per level (32 bytes per node), compact
 * enough for trees of tens of millions of leaves. Not thread-safe.
 */
public final class InMemoryNodeStore implements NodeStore {
  private final List<byte[]> levels = new ArrayList<>();
  private final List<Long> counts = new ArrayList<>();

  @Override
  public Map<NodeId, Hash> get(Collection<NodeId> ids) {
    Map<NodeId, Hash> found = new HashMap<>();
    for (NodeId id : ids) {
      if (id.level() < levels.size() && id.index() < counts.get(id.level())) {
        byte[] level = levels.get(id.level());
        int at = Math.toIntExact(id.index() * Hash.LENGTH);
        found.put(id, Hash.of(Arrays.copyOfRange(level, at, at + Hash.LENGTH)));
      }
    }
    return found;
  }

  /** Stores new nodes; each level must grow by consecutive indices, as appends produce them. */
  public void put(Map<NodeId, Hash> nodes) {
    nodes.forEach(this::put);
  }

  /** Stores one node: the next index of its level. */
  public void put(NodeId id, Hash hash) {
    while (levels.size() <= id.level()) {
      levels.add(new byte[Hash.LENGTH * 16]);
      counts.add(0L);
    }
    long count = counts.get(id.level());
    if (id.index() != count)
      throw new IllegalArgumentException(
          "Nodes of a level must be stored in order; expected index " + count + " at " + id);
    byte[] level = levels.get(id.level());
    int at = Math.toIntExact(count * Hash.LENGTH);
    if (at + Hash.LENGTH > level.length) {
      level = Arrays.copyOf(level, Math.max(level.length * 2, at + Hash.LENGTH));
      levels.set(id.level(), level);
    }
    System.arraycopy(hash.bytes(), 0, level, at, Hash.LENGTH);
    counts.set(id.level(), count + 1);
  }

  /** The number of leaves stored. */
  public long size() {
    return counts.isEmpty() ? 0 : counts.get(0);
  }
}
