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

/**
 * One version of a consent event, result or adverse event: its canonical JSON and salt (the ledger
 * holds SHA-256(salt ‖ JSON)). Never updated, except that an erasure request removes the JSON and
 * the salt.
 */
@Entity
@Table(name = "site_record")
public class SiteRecord {
  public enum Kind {
    CONSENT,
    RESULT,
    ADVERSE_EVENT,
    // the subject completed or discontinued the study (V28)
    DISPOSITION
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "subject_id", nullable = false, updatable = false)
  private long subjectId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16, updatable = false)
  private Kind kind;

  @Column(name = "record_key", nullable = false, length = 200, updatable = false)
  private String recordKey;

  @Column(nullable = false, updatable = false)
  private int version;

  @Column(name = "record_json", length = 100_000)
  private String recordJson;

  @Column(length = 44)
  private String salt;

  @Column(nullable = false, length = 64, updatable = false)
  private String commitment;

  @Column(length = 100, updatable = false)
  private String signature;

  /** The page form's one-time token of the request that created the record (null for others). */
  @Column(name = "request_token", length = 64)
  private String requestToken;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  @Column(name = "recorded_by", nullable = false, length = 64, updatable = false)
  private String recordedBy;

  @Column(name = "leaf_hash", length = 64)
  private String leafHash;

  protected SiteRecord() {}

  public SiteRecord(
      long subjectId,
      Kind kind,
      String recordKey,
      int version,
      String recordJson,
      String salt,
      String commitment,
      String signature,
      Instant at,
      String by) {
    this.subjectId = subjectId;
    this.kind = kind;
    this.recordKey = recordKey;
    this.version = version;
    this.recordJson = recordJson;
    this.salt = salt;
    this.commitment = commitment;
    this.signature = signature;
    this.recordedAt = at;
    this.recordedBy = by;
  }

  public void recordedAs(String leafHash) {
    this.leafHash = leafHash;
  }

  public void erase() {
    this.recordJson = null;
    this.salt = null;
  }

  public Long getId() {
    return id;
  }

  public long getSubjectId() {
    return subjectId;
  }

  public Kind getKind() {
    return kind;
  }

  public String getRecordKey() {
    return recordKey;
  }

  public int getVersion() {
    return version;
  }

  public String getRecordJson() {
    return recordJson;
  }

  public String getSalt() {
    return salt;
  }

  public String getCommitment() {
    return commitment;
  }

  public String getSignature() {
    return signature;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public String getLeafHash() {
    return leafHash;
  }

  public String getRequestToken() {
    return requestToken;
  }

  /** Marks the record as made by the request with this form token (see SubjectRecords). */
  public void madeByRequest(String token) {
    this.requestToken = token;
  }
}
