package org.trialledger.site.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A subject known only by pseudonym; identifying details, if kept, are sealed under a per-subject
 * key.
 */
@Entity
@Table(name = "subject")
public class Subject {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "trial_id", nullable = false, updatable = false)
  private long trialId;

  @Column(name = "site_organisation_id", nullable = false, updatable = false)
  private long siteOrganisationId;

  @Column(nullable = false, length = 20, updatable = false)
  private String pseudonym;

  @Column(name = "enrolled_at", nullable = false, updatable = false)
  private Instant enrolledAt;

  @Column(name = "enrolled_by", nullable = false, length = 64, updatable = false)
  private String enrolledBy;

  @Column(name = "sealed_details")
  private byte[] sealedDetails;

  @Column(name = "wrapped_key")
  private byte[] wrappedKey;

  @Column(name = "erased_at")
  private Instant erasedAt;

  protected Subject() {}

  public Subject(
      long trialId,
      long siteOrganisationId,
      String pseudonym,
      Instant at,
      String by,
      byte[] sealedDetails,
      byte[] wrappedKey) {
    this.trialId = trialId;
    this.siteOrganisationId = siteOrganisationId;
    this.pseudonym = pseudonym;
    this.enrolledAt = at;
    this.enrolledBy = by;
    this.sealedDetails = sealedDetails;
    this.wrappedKey = wrappedKey;
  }

  /** Crypto-shredding: without the key the sealed details can never be read again, so both go. */
  public void erase(Instant at) {
    this.sealedDetails = null;
    this.wrappedKey = null;
    this.erasedAt = at;
  }

  public Long getId() {
    return id;
  }

  public long getTrialId() {
    return trialId;
  }

  public long getSiteOrganisationId() {
    return siteOrganisationId;
  }

  public String getPseudonym() {
    return pseudonym;
  }

  public Instant getEnrolledAt() {
    return enrolledAt;
  }

  public String getEnrolledBy() {
    return enrolledBy;
  }

  public byte[] getSealedDetails() {
    return sealedDetails;
  }

  public byte[] getWrappedKey() {
    return wrappedKey;
  }

  public Instant getErasedAt() {
    return erasedAt;
  }
}
