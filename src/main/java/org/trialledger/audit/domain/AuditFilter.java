package org.trialledger.audit.domain;

import java.time.Instant;

/**
 * Which audit records to list; null fields do not filter. {@code from} inclusive, {@code to}
 * exclusive.
 */
public record AuditFilter(
    String actor, String action, String objectType, String objectId, Instant from, Instant to) {
  public static AuditFilter all() {
    return new AuditFilter(null, null, null, null, null, null);
  }
}
