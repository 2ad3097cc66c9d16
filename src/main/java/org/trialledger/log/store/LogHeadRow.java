package org.trialledger.log.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The single row holding the log's current size and root; locking it serialises integrators. */
@Entity
@Table(name = "log_head")
public class LogHeadRow {
  public static final int ID = 1;

  @Id private int id;

  @Column(name = "tree_size", nullable = false)
  private long treeSize;

  @Column(name = "root_hash", nullable = false, length = 64)
  private String rootHash;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected LogHeadRow() {}

  public void advance(long size, String root, Instant at) {
    this.treeSize = size;
    this.rootHash = root;
    this.updatedAt = at;
  }

  public long getTreeSize() {
    return treeSize;
  }

  public String getRootHash() {
    return rootHash;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
