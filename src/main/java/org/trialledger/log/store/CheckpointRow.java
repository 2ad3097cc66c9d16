package org.trialledger.log.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.trialledger.ledger.Hash;

/** A signed checkpoint: the signed note text for a tree size. Every one ever signed is kept. */
@Entity
@Table(name = "checkpoint")
@NamedQuery(
    name = "CheckpointRow.latest",
    query = "SELECT c FROM CheckpointRow c ORDER BY c.treeSize DESC")
@NamedQuery(name = "CheckpointRow.all", query = "SELECT c FROM CheckpointRow c ORDER BY c.treeSize")
@NamedQuery(
    name = "CheckpointRow.atLeast",
    query = "SELECT c FROM CheckpointRow c WHERE c.treeSize >= :size ORDER BY c.treeSize")
public class CheckpointRow {
  @Id
  @Column(name = "tree_size")
  private long treeSize;

  @Column(name = "root_hash", nullable = false, length = 64)
  private Hash rootHash;

  @Column(nullable = false, length = 4000)
  private String note;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected CheckpointRow() {}

  public CheckpointRow(long treeSize, Hash rootHash, String note, Instant createdAt) {
    this.treeSize = treeSize;
    this.rootHash = rootHash;
    this.note = note;
    this.createdAt = createdAt;
  }

  public long getTreeSize() {
    return treeSize;
  }

  public Hash getRootHash() {
    return rootHash;
  }

  public String getNote() {
    return note;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
