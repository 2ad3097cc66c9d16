package org.trialledger.log.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.trialledger.ledger.Hash;

/** The single row holding the log's current size and root; locking it serialises integrators. */
@Entity
@Table(name = "log_head")
public class LogHead {
  public static final int ID = 1;

  @Id private int id;

  @Column(name = "tree_size", nullable = false)
  private long treeSize;

  @Column(name = "root_hash", nullable = false, length = 64)
  private Hash rootHash;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected LogHead() {}

  public void advance(long size, Hash root, Instant at) {
    this.treeSize = size;
    this.rootHash = root;
    this.updatedAt = at;
  }

  public long getTreeSize() {
    return treeSize;
  }

  public Hash getRootHash() {
    return rootHash;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
