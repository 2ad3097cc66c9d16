package org.trialledger.registry.store;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.trialledger.registry.domain.TrialStatus;

/**
 * A registered trial: its id, sponsor, lifecycle, the sponsor's working draft, and a projection of
 * the published version for search. What was registered lives in immutable {@link TrialVersion}s.
 */
@Entity
@Table(name = "trial")
public class Trial implements Serializable {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "registry_id", nullable = false, length = 20, updatable = false)
  private String registryId;

  @Column(name = "sponsor_organisation_id", nullable = false, updatable = false)
  private long sponsorOrganisationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private TrialStatus status;

  @Column(name = "draft_json", nullable = false, length = 1_000_000)
  private String draftJson;

  /** Form input the draft checks refused, by record path (JSON object); null when none. */
  @Column(name = "draft_unsaved_json", length = 1_000_000)
  private String draftUnsavedJson;

  @Column(name = "draft_updated_at", nullable = false)
  private Instant draftUpdatedAt;

  @Column(name = "draft_updated_by", nullable = false, length = 64)
  private String draftUpdatedBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 64, updatable = false)
  private String createdBy;

  @Column(name = "registered_at")
  private Instant registeredAt;

  @Column(name = "published_version")
  private Integer publishedVersion;

  @Column(name = "withdrawn_at")
  private Instant withdrawnAt;

  @Column(name = "withdrawal_reason", length = 1000)
  private String withdrawalReason;

  @Column(name = "public_title", length = 500)
  private String publicTitle;

  @Column(name = "scientific_title", length = 500)
  private String scientificTitle;

  @Column(length = 50)
  private String acronym;

  @Column(name = "sponsor_name", length = 300)
  private String sponsorName;

  @Column(name = "recruitment_status", length = 40)
  private String recruitmentStatus;

  @Column(name = "study_type", length = 40)
  private String studyType;

  @Column(length = 100)
  private String phases;

  @Column(name = "start_date")
  private LocalDate startDate;

  /** The start date as registered: a month ("2027-02") or a day. */
  @Column(name = "start_date_text", length = 10)
  private String startDateText;

  @Column(name = "conditions_text", length = 4000)
  private String conditionsText;

  @Column(name = "interventions_text", length = 4000)
  private String interventionsText;

  @Column(name = "search_text", length = 20_000)
  private String searchText;

  @ElementCollection
  @CollectionTable(name = "trial_country", joinColumns = @JoinColumn(name = "trial_id"))
  @Column(name = "country", length = 2, nullable = false)
  private Set<String> countries = new HashSet<>();

  @ElementCollection
  @CollectionTable(name = "trial_identifier", joinColumns = @JoinColumn(name = "trial_id"))
  @Column(name = "identifier", length = 200, nullable = false)
  private Set<String> identifiers = new HashSet<>();

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected Trial() {}

  public Trial(
      String registryId, long sponsorOrganisationId, String draftJson, Instant now, String actor) {
    this.registryId = registryId;
    this.sponsorOrganisationId = sponsorOrganisationId;
    this.status = TrialStatus.DRAFT;
    this.createdAt = now;
    this.createdBy = actor;
    updateDraft(draftJson, now, actor);
  }

  public void updateDraft(String json, Instant now, String actor) {
    this.draftJson = json;
    this.draftUnsavedJson = null;
    this.draftUpdatedAt = now;
    this.draftUpdatedBy = actor;
  }

  /** Publishes a version and refreshes the search projection from it. */
  public void publish(int version, SearchProjection projection, Instant now) {
    if (registeredAt == null) registeredAt = now;
    status = TrialStatus.PUBLISHED;
    publishedVersion = version;
    publicTitle = projection.publicTitle();
    scientificTitle = projection.scientificTitle();
    acronym = projection.acronym();
    sponsorName = projection.sponsorName();
    recruitmentStatus = projection.recruitmentStatus();
    studyType = projection.studyType();
    phases = projection.phases();
    startDate = projection.startDate();
    startDateText = projection.startDateText();
    conditionsText = projection.conditionsText();
    interventionsText = projection.interventionsText();
    searchText = projection.searchText();
    countries.clear();
    countries.addAll(projection.countries());
    identifiers.clear();
    identifiers.addAll(projection.identifiers());
  }

  public void withdraw(String reason, Instant now) {
    status = TrialStatus.WITHDRAWN;
    withdrawnAt = now;
    withdrawalReason = reason;
  }

  public Long getId() {
    return id;
  }

  public String getRegistryId() {
    return registryId;
  }

  public long getSponsorOrganisationId() {
    return sponsorOrganisationId;
  }

  public TrialStatus getStatus() {
    return status;
  }

  public String getDraftJson() {
    return draftJson;
  }

  public String getDraftUnsavedJson() {
    return draftUnsavedJson;
  }

  /** Keeps what the form held that the draft could not take (null for nothing). */
  public void keepUnsavedInput(String json) {
    this.draftUnsavedJson = json;
  }

  public Instant getDraftUpdatedAt() {
    return draftUpdatedAt;
  }

  public String getDraftUpdatedBy() {
    return draftUpdatedBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getRegisteredAt() {
    return registeredAt;
  }

  public Integer getPublishedVersion() {
    return publishedVersion;
  }

  public Instant getWithdrawnAt() {
    return withdrawnAt;
  }

  public String getWithdrawalReason() {
    return withdrawalReason;
  }

  public String getPublicTitle() {
    return publicTitle;
  }

  public String getSponsorName() {
    return sponsorName;
  }

  public String getRecruitmentStatus() {
    return recruitmentStatus;
  }

  public String getPhases() {
    return phases;
  }

  public LocalDate getStartDate() {
    return startDate;
  }

  public String getStartDateText() {
    return startDateText;
  }

  public String getConditionsText() {
    return conditionsText;
  }

  public Set<String> getCountries() {
    return Set.copyOf(countries);
  }
}
