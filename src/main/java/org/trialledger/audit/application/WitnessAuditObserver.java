package org.trialledger.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.trialledger.audit.domain.AuditRecord;
import org.trialledger.log.domain.WitnessRefusal;
import org.trialledger.security.application.CurrentActor;

/**
 * Records a witness's refusal of our checkpoints (possible fork or rollback) in the audit trail, in
 * the transaction that fired it: evidence that outlives the server's memory and log files.
 */
@ApplicationScoped
public class WitnessAuditObserver {
  @Inject private AuditTrail trail;

  void on(@Observes WitnessRefusal r) {
    trail.record(
        new AuditRecord(
            r.at(),
            CurrentActor.SYSTEM,
            null,
            "WITNESS_REFUSED",
            "WITNESS",
            r.witness(),
            null,
            "treeSize="
                + r.treeSize()
                + "; status="
                + r.status()
                + "; reason="
                + r.reason()
                + "; witnessKey="
                + r.witnessKey(),
            "possible fork or rollback of the log"));
  }
}
