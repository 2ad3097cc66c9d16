package org.trialledger.log.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.trialledger.log.domain.StateVerifier;

/**
 * The full audit's last phase: the workflow state that the public sees, recomputed from the log's
 * transitions by each context's {@link StateVerifier} and compared with the tables. The content
 * phases prove that artifacts were not changed; this one proves that the state built on them was
 * not either.
 */
@ApplicationScoped
public class RegistryStateAudit {
  @Inject private Instance<StateVerifier> verifiers;

  void audit(AuditProgress progress) {
    for (StateVerifier v : verifiers) {
      progress.phase("workflow state: " + v.scope());
      v.verify(progress::found);
    }
  }
}
