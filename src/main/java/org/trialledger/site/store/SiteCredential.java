package org.trialledger.site.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An investigator's credential (PDF) filed with a site's activation. */
@Entity
@Table(name = "site_credential")
public class SiteCredential {
  /** What the document attests. */
  public enum Kind {
    CV,
    GCP_CERTIFICATE,
    LICENCE
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "activation_id", nullable = false, updatable = false)
  private long activationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32, updatable = false)
  private Kind kind;

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

  @Column(name = "leaf_hash", length = 64)
  private String leafHash;

  protected SiteCredential() {}

  public SiteCredential(
      long activationId,
      Kind kind,
      String fileName,
      String sha256,
      long sizeBytes,
      Instant at,
      String by) {
    this.activationId = activationId;
    this.kind = kind;
    this.fileName = fileName;
    this.sha256 = sha256;
    this.sizeBytes = sizeBytes;
    this.uploadedAt = at;
    this.uploadedBy = by;
  }

  public void recordedAs(String leafHash) {
    this.leafHash = leafHash;
  }

  public Long getId() {
    return id;
  }

  public long getActivationId() {
    return activationId;
  }

  public Kind getKind() {
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

  public String getLeafHash() {
    return leafHash;
  }
}
