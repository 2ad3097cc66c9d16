package org.trialledger.log.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.SecondaryRow;
import org.trialledger.ledger.Hash;

/**
 * One entry of the log: queued while {@code leafIndex} is null, a leaf once integrated. The entry
 * row is written once, with its queue row, by {@link QueuedEntryInsert}; its leaf index and
 * integration time live in the append-only {@code ledger_leaf} table, which only the integrator
 * writes ({@link LedgerLeafRows}), so this entity reads them (outer join) and never writes them.
 */
@Entity
@Table(name = "ledger_entry")
@SecondaryTable(
    name = "ledger_leaf",
    pkJoinColumns = @PrimaryKeyJoinColumn(name = "entry_id", referencedColumnName = "id"))
@SecondaryRow(table = "ledger_leaf", owned = false, optional = true)
@NamedQuery(
    name = "LedgerEntryRow.byLeafHash",
    query = "SELECT e FROM LedgerEntryRow e WHERE e.leafHash = :leafHash ORDER BY e.id")
public class LedgerEntryRow {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "artifact_type", nullable = false, length = 40)
  private String artifactType;

  @Column(name = "artifact_id", nullable = false, length = 100)
  private String artifactId;

  @Column(name = "artifact_version", nullable = false)
  private int artifactVersion;

  @Column(name = "content_kind", nullable = false, length = 16)
  private String contentKind;

  @Column(name = "content_hash", nullable = false, length = 64)
  private Hash contentHash;

  @Column(name = "queued_at", nullable = false)
  private Instant queuedAt;

  @Column(name = "entry_bytes", nullable = false)
  private byte[] entryBytes;

  @Column(name = "leaf_hash", nullable = false, length = 64)
  private Hash leafHash;

  @Column(name = "leaf_index", table = "ledger_leaf", insertable = false, updatable = false)
  private Long leafIndex;

  @Column(name = "integrated_at", table = "ledger_leaf", insertable = false, updatable = false)
  private Instant integratedAt;

  protected LedgerEntryRow() {}

  public Long getId() {
    return id;
  }

  public String getArtifactType() {
    return artifactType;
  }

  public String getArtifactId() {
    return artifactId;
  }

  public int getArtifactVersion() {
    return artifactVersion;
  }

  public String getContentKind() {
    return contentKind;
  }

  public Hash getContentHash() {
    return contentHash;
  }

  public Instant getQueuedAt() {
    return queuedAt;
  }

  public byte[] getEntryBytes() {
    return entryBytes.clone();
  }

  public Hash getLeafHash() {
    return leafHash;
  }

  public Long getLeafIndex() {
    return leafIndex;
  }

  public Instant getIntegratedAt() {
    return integratedAt;
  }
}
