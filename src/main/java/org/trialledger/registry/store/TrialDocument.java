package org.trialledger.registry.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.trialledger.registry.domain.DocumentKind;

/** A PDF uploaded to a trial. Its bytes live in {@link DocumentBlob} under their SHA-256. */
@Entity
@Table(name = "trial_document")
public class TrialDocument implements Serializable {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "trial_id", nullable = false, updatable = false)
  private long trialId;

  @Column(name = "version_id")
  private Long versionId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32, updatable = false)
  private DocumentKind kind;

  @Column(name = "file_name", nullable = false, length = 200, updatable = false)
  private String fileName;

  @Column(nullable = false, length = 64, updatable = false)
  private String sha256;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long sizeBytes;

  @Column(name = "uploaded_at", nullable = false, updatable = false)
  private Instant uploadedAt;

  @Column(name = "uploaded_by", nullable = false, length = 64, updatable = false)
  private String uploadedBy;

  @Column(name = "removed_at")
  private Instant removedAt;

  @Column(name = "leaf_hash", length = 64)
  private String leafHash;

  protected TrialDocument() {}

  public TrialDocument(
      long trialId,
      DocumentKind kind,
      String fileName,
      String sha256,
      long sizeBytes,
      Instant uploadedAt,
      String uploadedBy) {
    this.trialId = trialId;
    this.kind = kind;
    this.fileName = fileName;
    this.sha256 = sha256;
    this.sizeBytes = sizeBytes;
    this.uploadedAt = uploadedAt;
    this.uploadedBy = uploadedBy;
  }

  /** The ledger entry is written after the row has its id, in the same transaction. */
  public void recordedAs(String leafHash) {
    this.leafHash = leafHash;
  }

  public void bindTo(long versionId) {
    this.versionId = versionId;
  }

  public void remove(Instant now) {
    this.removedAt = now;
  }

  public Long getId() {
    return id;
  }

  public long getTrialId() {
    return trialId;
  }

  public Long getVersionId() {
    return versionId;
  }

  public DocumentKind getKind() {
    return kind;
  }

  public String getFileName() {
    return fileName;
  }

  public String getSha256() {
    return sha256;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  public Instant getRemovedAt() {
    return removedAt;
  }

  public String getLeafHash() {
    return leafHash;
  }
}
