package org.trialledger.audit.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.trialledger.audit.domain.AuditRecord;

/** One audit record. Immutable: the application has no way to change or delete it. */
@Entity
@Table(name = "audit_event")
public class AuditEvent implements Serializable {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(nullable = false, length = 64, updatable = false)
  private String actor;

  @Column(name = "actor_org_id", updatable = false)
  private Long actorOrganisationId;

  @Column(nullable = false, length = 40, updatable = false)
  private String action;

  @Column(name = "object_type", nullable = false, length = 40, updatable = false)
  private String objectType;

  @Column(name = "object_id", nullable = false, length = 100, updatable = false)
  private String objectId;

  @Column(name = "old_value", length = 4000, updatable = false)
  private String oldValue;

  @Column(name = "new_value", length = 4000, updatable = false)
  private String newValue;

  @Column(length = 1000, updatable = false)
  private String reason;

  /** Base64 of the 32-byte salt of the record's commitment. */
  @Column(nullable = false, length = 44, updatable = false)
  private String salt;

  @Column(name = "record_hash", nullable = false, length = 64, updatable = false)
  private String recordHash;

  protected AuditEvent() {}

  /** The record as stored, to recompute its hash. */
  public AuditRecord toRecord() {
    return new AuditRecord(
        occurredAt,
        actor,
        actorOrganisationId,
        action,
        objectType,
        objectId,
        oldValue,
        newValue,
        reason);
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public Long getActorOrganisationId() {
    return actorOrganisationId;
  }

  public String getAction() {
    return action;
  }

  public String getObjectType() {
    return objectType;
  }

  public String getObjectId() {
    return objectId;
  }

  public String getOldValue() {
    return oldValue;
  }

  public String getNewValue() {
    return newValue;
  }

  public String getReason() {
    return reason;
  }

  public String getSalt() {
    return salt;
  }

  public String getRecordHash() {
    return recordHash;
  }
}
