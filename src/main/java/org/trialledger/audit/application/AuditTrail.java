package org.trialledger.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.trialledger.audit.domain.AuditRecord;
import org.trialledger.audit.store.AuditEventInsert;
import org.trialledger.ledger.json.Commitment;
import org.trialledger.log.application.LedgerRecorder;
import org.trialledger.security.application.Caller;

/**
 * Writes audit records. Each is stored with a salted commitment to its canonical JSON and enters
 * the ledger in the same transaction as the change it describes: if the change rolls back, so does
 * its record.
 */
@ApplicationScoped
public class AuditTrail {
  public static final String ARTIFACT_TYPE = "AUDIT_EVENT";

  @PersistenceContext private EntityManager em;
  @Inject private LedgerRecorder recorder;
  @Inject private Clock clock;

  /**
   * Records, at the clock's current millisecond, what {@code caller} did to the trial {@code
   * registryId}: the one shape every service's trial events share.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public long trialEvent(
      Caller caller,
      String action,
      String registryId,
      String oldValue,
      String newValue,
      String reason) {
    return record(
        new AuditRecord(
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            caller.username(),
            caller.organisationId(),
            action,
            "TRIAL",
            registryId,
            oldValue,
            newValue,
            reason));
  }

  /** Stores the record and its ledger entry; answers the record's id. */
  @Transactional(Transactional.TxType.MANDATORY)
  public long record(AuditRecord record) {
    Commitment commitment = AuditRecordHash.commit(record);
    String hash = commitment.value().hex();
    // the row is inserted at once: its id names the ledger entry
    long id = AuditEventInsert.insert(em, record, commitment.saltBase64(), hash);
    recorder.recordCommitment(ARTIFACT_TYPE, String.valueOf(id), 1, hash);
    return id;
  }
}
