package org.trialledger.site.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A published consent form version (a PDF), bound to the protocol version it belongs to. */
@Entity
@Table(name = "consent_form")
public class ConsentForm {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "trial_id", nullable = false, updatable = false)
  private long trialId;

  @Column(nullable = false, length = 100, updatable = false)
  private String label;

  @Column(nullable = false, length = 8, updatable = false)
  private String language;

  @Column(name = "protocol_version", nullable = false, updatable = false)
  private int protocolVersion;

  @Column(name = "file_name", nullable = false, length = 200, updatable = false)
  private String fileName;

  @Column(nullable = false, length = 64, updatable = false)
  private String sha256;

  @Column(name = "published_at", nullable = false, updatable = false)
  private Instant publishedAt;

  @Column(name = "published_by", nullable = false, length = 64, updatable = false)
  private String publishedBy;

  @Column(name = "leaf_hash", length = 64)
  private String leafHash;

  protected ConsentForm() {}

  public ConsentForm(
      long trialId,
      String label,
      String language,
      int protocolVersion,
      String fileName,
      String sha256,
      Instant at,
      String by) {
    this.trialId = trialId;
    this.label = label;
    this.language = language;
    this.protocolVersion = protocolVersion;
    this.fileName = fileName;
    this.sha256 = sha256;
    this.publishedAt = at;
    this.publishedBy = by;
  }

  public void recordedAs(String leafHash) {
    this.leafHash = leafHash;
  }

  public Long getId() {
    return id;
  }

  public long getTrialId() {
    return trialId;
  }

  public String getLabel() {
    return label;
  }

  public String getLanguage() {
    return language;
  }

  public int getProtocolVersion() {
    return protocolVersion;
  }

  public String getFileName() {
    return fileName;
  }

  public String getSha256() {
    return sha256;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }

  public String getLeafHash() {
    return leafHash;
  }
}
