package org.trialledger.site.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A published version of a trial's summary results; its canonical JSON is hashed into the ledger.
 */
@Entity
@Table(name = "summary_result")
public class SummaryResult {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "trial_id", nullable = false, updatable = false)
  private long trialId;

  @Column(name = "version_number", nullable = false, updatable = false)
  private int versionNumber;

  @Column(name = "canonical_json", nullable = false, updatable = false, length = 1_000_000)
  private String canonicalJson;

  @Column(name = "content_hash", nullable = false, updatable = false, length = 64)
  private String contentHash;

  @Column(name = "published_at", nullable = false, updatable = false)
  private Instant publishedAt;

  @Column(name = "published_by", nullable = false, updatable = false, length = 64)
  private String publishedBy;

  @Column(name = "leaf_hash", nullable = false, updatable = false, length = 64)
  private String leafHash;

  protected SummaryResult() {}

  public SummaryResult(
      long trialId,
      int versionNumber,
      String canonicalJson,
      String contentHash,
      Instant at,
      String by,
      String leafHash) {
    this.trialId = trialId;
    this.versionNumber = versionNumber;
    this.canonicalJson = canonicalJson;
    this.contentHash = contentHash;
    this.publishedAt = at;
    this.publishedBy = by;
    this.leafHash = leafHash;
  }

  public Long getId() {
    return id;
  }

  public long getTrialId() {
    return trialId;
  }

  public int getVersionNumber() {
    return versionNumber;
  }

  public String getCanonicalJson() {
    return canonicalJson;
  }

  public String getContentHash() {
    return contentHash;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }

  public String getLeafHash() {
    return leafHash;
  }
}
