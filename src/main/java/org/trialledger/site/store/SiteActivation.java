package org.trialledger.site.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A site organisation activated by the sponsor for one trial. */
@Entity
@Table(name = "site_activation")
public class SiteActivation {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "trial_id", nullable = false, updatable = false)
  private long trialId;

  @Column(name = "site_organisation_id", nullable = false, updatable = false)
  private long siteOrganisationId;

  @Column(name = "principal_investigator", nullable = false, length = 200, updatable = false)
  private String principalInvestigator;

  @Column(name = "activated_at", nullable = false, updatable = false)
  private Instant activatedAt;

  @Column(name = "activated_by", nullable = false, length = 64, updatable = false)
  private String activatedBy;

  protected SiteActivation() {}

  public SiteActivation(
      long trialId, long siteOrganisationId, String principalInvestigator, Instant at, String by) {
    this.trialId = trialId;
    this.siteOrganisationId = siteOrganisationId;
    this.principalInvestigator = principalInvestigator;
    this.activatedAt = at;
    this.activatedBy = by;
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

  public String getPrincipalInvestigator() {
    return principalInvestigator;
  }

  public Instant getActivatedAt() {
    return activatedAt;
  }
}
