package org.trialledger.log.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.trialledger.ledger.Hash;

/** The stored hash of one complete subtree. */
@Entity
@Table(name = "tree_node")
public class TreeNode {
  @EmbeddedId private Key key;

  @Column(nullable = false, length = 64)
  private Hash hash;

  protected TreeNode() {}

  public TreeNode(int level, long index, Hash hash) {
    this.key = new Key(level, index);
    this.hash = hash;
  }

  public int level() {
    return key.level;
  }

  public long index() {
    return key.nodeIndex;
  }

  public Hash hash() {
    return hash;
  }

  /** (level, index) of a complete subtree. */
  @Embeddable
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "level", nullable = false)
    private short level;

    @Column(name = "node_index", nullable = false)
    private long nodeIndex;

    protected Key() {}

    Key(int level, long nodeIndex) {
      this.level = (short) level;
      this.nodeIndex = nodeIndex;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.level == level && k.nodeIndex == nodeIndex;
    }

    @Override
    public int hashCode() {
      return Objects.hash(level, nodeIndex);
    }
  }
}
