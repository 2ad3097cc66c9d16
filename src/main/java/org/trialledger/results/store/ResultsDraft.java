package org.trialledger.results.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A trial's results draft: the JSON of a results record as last saved by the sponsor. */
@Entity
@Table(name = "results_draft")
public class ResultsDraft {
  @Id
  @Column(name = "trial_id")
  private Long trialId;

  @Column(name = "record_json", nullable = false, length = 1_000_000)
  private String recordJson;

  @Column(name = "saved_at", nullable = false)
  private Instant savedAt;

  @Column(name = "saved_by", nullable = false, length = 64)
  private String savedBy;

  @Version
  @Column(nullable = false)
  private int revision;

  protected ResultsDraft() {}

  public ResultsDraft(long trialId) {
    this.trialId = trialId;
  }

  public void save(String json, Instant at, String by) {
    recordJson = json;
    savedAt = at;
    savedBy = by;
  }

  public Long getTrialId() {
    return trialId;
  }

  public String getRecordJson() {
    return recordJson;
  }

  public Instant getSavedAt() {
    return savedAt;
  }

  public String getSavedBy() {
    return savedBy;
  }
}
