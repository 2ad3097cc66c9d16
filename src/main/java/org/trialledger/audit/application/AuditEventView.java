package org.trialledger.audit.application;

import java.time.Instant;
import org.trialledger.audit.store.AuditEvent;

/** An audit record as the API shows it. */
public record AuditEventView(
    long id,
    Instant occurredAt,
    String actor,
    Long actorOrganisationId,
    String action,
    String objectType,
    String objectId,
    String oldValue,
    String newValue,
    String reason,
    String recordHash) {
  public static AuditEventView of(AuditEvent e) {
    return new AuditEventView(
        e.getId(),
        e.getOccurredAt(),
        e.getActor(),
        e.getActorOrganisationId(),
        e.getAction(),
        e.getObjectType(),
        e.getObjectId(),
        e.getOldValue(),
        e.getNewValue(),
        e.getReason(),
        e.getRecordHash());
  }
}
