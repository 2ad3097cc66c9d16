package org.trialledger.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.trialledger.audit.domain.LedgeredAuditRecord;
import org.trialledger.audit.store.AuditEvent;

/**
 * The audit records of workflow transitions, as evidence for the full audit's state phase: only
 * records whose ledger entry holds their commitment, recomputed here from the row and its salt,
 * count. A row inserted or edited by SQL is not evidence (the content phase names it as well).
 */
@ApplicationScoped
public class LedgeredAuditRecords {
  @PersistenceContext private EntityManager em;

  /** The ledger-backed records of {@code actions} on objects of {@code objectType}, in order. */
  public List<LedgeredAuditRecord> of(String objectType, Collection<String> actions) {
    return of(objectType, null, actions);
  }

  /** The same, on one object only (all objects if {@code objectId} is null). */
  public List<LedgeredAuditRecord> of(
      String objectType, String objectId, Collection<String> actions) {
    String oneObject = objectId == null ? "" : " AND e.object_id = :o";
    Query ids =
        em.createNativeQuery(
                "SELECT e.id FROM audit_event e JOIN ledger_entry l ON l.artifact_type = 'AUDIT_EVENT'"
                    + " AND l.artifact_id = CAST(e.id AS VARCHAR(100)) AND l.artifact_version = 1"
                    + " AND l.content_hash = e.record_hash"
                    + " WHERE e.object_type = :t AND e.action IN (:a)"
                    + oneObject)
            .setParameter("t", objectType)
            .setParameter("a", List.copyOf(actions));
    TypedQuery<AuditEvent> events =
        em.createQuery(
                "SELECT e FROM AuditEvent e WHERE e.objectType = :t AND e.action IN :a"
                    + oneObject.replace("e.object_id", "e.objectId")
                    + " ORDER BY e.id",
                AuditEvent.class)
            .setParameter("t", objectType)
            .setParameter("a", List.copyOf(actions));
    if (objectId != null) {
      ids.setParameter("o", objectId);
      events.setParameter("o", objectId);
    }
    Set<Long> inLedger = new HashSet<>();
    for (Object id : ids.getResultList()) inLedger.add(((Number) id).longValue());
    return events
        .getResultStream()
        .filter(e -> inLedger.contains(e.getId()))
        .filter(LedgeredAuditRecords::stillHashes)
        .map(e -> new LedgeredAuditRecord(e.getId(), e.toRecord()))
        .toList();
  }

  private static boolean stillHashes(AuditEvent e) {
    try {
      return AuditRecordHash.of(e.getSalt(), e.toRecord()).equals(e.getRecordHash());
    } catch (RuntimeException malformedSalt) {
      return false;
    }
  }
}
