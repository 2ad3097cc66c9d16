package org.trialledger.results.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.trialledger.registry.domain.VersionState;

/**
 * A submitted version of a trial's results. Its content ({@code canonical_json}) never changes
 * after insert; only the review decision (state, who, when) is written later.
 */
@Entity
@Table(name = "results_version")
public class ResultsVersion {
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

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private VersionState state;

  @Column(name = "submitted_at", nullable = false, updatable = false)
  private Instant submittedAt;

  @Column(name = "submitted_by", nullable = false, updatable = false, length = 64)
  private String submittedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decided_by", length = 64)
  private String decidedBy;

  @Column(name = "leaf_hash", nullable = false, updatable = false, length = 64)
  private String leafHash;

  protected ResultsVersion() {}

  public ResultsVersion(
      long trialId,
      int versionNumber,
      String canonicalJson,
      String contentHash,
      Instant submittedAt,
      String submittedBy,
      String leafHash) {
    this.trialId = trialId;
    this.versionNumber = versionNumber;
    this.canonicalJson = canonicalJson;
    this.contentHash = contentHash;
    this.state = VersionState.SUBMITTED;
    this.submittedAt = submittedAt;
    this.submittedBy = submittedBy;
    this.leafHash = leafHash;
  }

  public void decide(VersionState decision, String by, Instant at) {
    this.state = decision;
    this.decidedBy = by;
    this.decidedAt = at;
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

  public VersionState getState() {
    return state;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public String getLeafHash() {
    return leafHash;
  }
}
