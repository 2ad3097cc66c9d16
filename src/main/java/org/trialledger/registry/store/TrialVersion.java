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
import org.trialledger.registry.domain.VersionState;

/**
 * A submitted version of a registration. Its content ({@code canonical_json}) never changes after
 * insert; only the review decision (state, who, when) is written later.
 */
@Entity
@Table(name = "trial_version")
public class TrialVersion implements Serializable {
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

  @Column(nullable = false, updatable = false, length = 1000)
  private String reason;

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

  protected TrialVersion() {}

  public TrialVersion(
      long trialId,
      int versionNumber,
      String canonicalJson,
      String contentHash,
      String reason,
      Instant submittedAt,
      String submittedBy,
      String leafHash) {
    this.trialId = trialId;
    this.versionNumber = versionNumber;
    this.canonicalJson = canonicalJson;
    this.contentHash = contentHash;
    this.reason = reason;
    this.state = VersionState.SUBMITTED;
    this.submittedAt = submittedAt;
    this.submittedBy = submittedBy;
    this.leafHash = leafHash;
  }

  public void decide(VersionState decision, String actor, Instant now) {
    this.state = decision;
    this.decidedBy = actor;
    this.decidedAt = now;
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

  public String getReason() {
    return reason;
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
