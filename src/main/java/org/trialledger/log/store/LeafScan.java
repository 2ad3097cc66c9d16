package org.trialledger.log.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.merkle.NodeId;

/**
 * The full audit's read of the log: every leaf below a size, in index order, with its entry's
 * columns, through one forward-only JDBC cursor that fetches rows in blocks (no entities, no
 * persistence context, no page queries); and the stored inner nodes over a run of leaves, one index
 * range per level. The cursor reads one snapshot of the log (one statement); the node reads use a
 * connection of their own, so the cursor stays open beside them.
 */
public final class LeafScan implements AutoCloseable {
  private static final int FETCH = 5_000;

  /** One leaf and its entry row as stored; hashes as their stored hex. */
  public record Leaf(
      long index,
      long entryId,
      String artifactType,
      String artifactId,
      int artifactVersion,
      String contentKind,
      String contentHash,
      Instant queuedAt,
      byte[] entryBytes,
      String leafHash) {}

  private final Connection leaves;
  private final Connection nodes;
  private final PreparedStatement statement;
  private final ResultSet rows;

  /** Opens the cursor over leaves 0 … {@code size} − 1 (those stored; gaps are the caller's). */
  public LeafScan(DataSource dataSource, long size) {
    Connection l = null;
    Connection n = null;
    try {
      l = dataSource.getConnection();
      n = dataSource.getConnection();
      l.setAutoCommit(false); // PostgreSQL streams a result only inside a transaction
      l.setReadOnly(true);
      PreparedStatement s =
          l.prepareStatement(
              "SELECT l.leaf_index, e.id, e.artifact_type, e.artifact_id, e.artifact_version,"
                  + " e.content_kind, e.content_hash, e.queued_at, e.entry_bytes, e.leaf_hash"
                  + " FROM ledger_leaf l JOIN ledger_entry e ON e.id = l.entry_id"
                  + " WHERE l.leaf_index < ? ORDER BY l.leaf_index",
              ResultSet.TYPE_FORWARD_ONLY,
              ResultSet.CONCUR_READ_ONLY);
      s.setFetchSize(FETCH);
      s.setLong(1, size);
      this.leaves = l;
      this.nodes = n;
      this.statement = s;
      this.rows = s.executeQuery();
    } catch (SQLException e) {
      closeQuietly(l, true);
      closeQuietly(n, false);
      throw new IllegalStateException("Cannot read the log's leaves: " + e.getMessage(), e);
    }
  }

  /** The next leaf in index order, or null after the last. */
  public Leaf next() {
    try {
      if (!rows.next()) return null;
      OffsetDateTime queued = rows.getObject(8, OffsetDateTime.class);
      return new Leaf(
          rows.getLong(1),
          rows.getLong(2),
          rows.getString(3),
          rows.getString(4),
          rows.getInt(5),
          rows.getString(6),
          rows.getString(7),
          queued == null ? null : queued.toInstant(),
          rows.getBytes(9),
          rows.getString(10));
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the log's leaves: " + e.getMessage(), e);
    }
  }

  /**
   * The stored inner nodes (level ≥ 1) among {@code ids}, in one statement: per level, the range
   * from the smallest to the largest index asked for (the audit asks for the nodes a run of
   * consecutive leaves completes, which are consecutive on each level).
   */
  public Map<NodeId, Hash> innerNodes(Collection<NodeId> ids) {
    Map<Integer, long[]> ranges = new TreeMap<>();
    for (NodeId id : ids) {
      if (id.level() == 0) continue;
      long[] r = ranges.computeIfAbsent(id.level(), k -> new long[] {id.index(), id.index()});
      r[0] = Math.min(r[0], id.index());
      r[1] = Math.max(r[1], id.index());
    }
    Map<NodeId, Hash> found = new HashMap<>();
    if (ranges.isEmpty()) return found;
    StringBuilder sql = new StringBuilder("SELECT level, node_index, hash FROM tree_node WHERE ");
    for (int i = 0; i < ranges.size(); i++) {
      if (i > 0) sql.append(" OR ");
      sql.append("(level = ? AND node_index BETWEEN ? AND ?)");
    }
    try (PreparedStatement s = nodes.prepareStatement(sql.toString())) {
      int p = 0;
      for (Map.Entry<Integer, long[]> r : ranges.entrySet()) {
        s.setShort(++p, r.getKey().shortValue());
        s.setLong(++p, r.getValue()[0]);
        s.setLong(++p, r.getValue()[1]);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          found.put(new NodeId(rs.getInt(1), rs.getLong(2)), Hash.ofHex(rs.getString(3).trim()));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the stored tree nodes: " + e.getMessage(), e);
    }
    return found;
  }

  @Override
  public void close() {
    try {
      rows.close();
      statement.close();
    } catch (SQLException ignored) {
      // the connection is closed next, which releases them too
    }
    closeQuietly(leaves, true);
    closeQuietly(nodes, false);
  }

  private static void closeQuietly(Connection c, boolean reset) {
    if (c == null) return;
    try {
      if (reset) {
        c.rollback(); // nothing was written; ends the read transaction
        c.setReadOnly(false);
        c.setAutoCommit(true);
      }
    } catch (SQLException ignored) {
      // closing returns it to the pool, which validates it before reuse
    }
    try {
      c.close();
    } catch (SQLException ignored) {
      // nothing more to release
    }
  }
}
