package org.trialledger.audit.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The content of an audit record, normalised before it is hashed or stored (UTC, millisecond
 * precision), so the bytes hashed now are the bytes a later audit rebuilds from the database.
 */
public record AuditRecord(
    Instant occurredAt,
    String actor,
    Long actorOrganisationId,
    String action,
    String objectType,
    String objectId,
    String oldValue,
    String newValue,
    String reason) {
  public AuditRecord {
    occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
    oldValue = clip(oldValue, 4000);
    newValue = clip(newValue, 4000);
    reason = clip(reason, 1000);
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
