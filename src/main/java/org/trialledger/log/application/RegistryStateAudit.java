package org.trialledger.log.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.trialledger.log.domain.Discrepancy;
import org.trialledger.log.domain.StateVerifier;

/**
 * The full audit's last phase: the workflow state that the public sees, recomputed from the log's
 * transitions by each context's {@link StateVerifier} and compared with the tables. The content
 * phases prove that artifacts were not changed; this one proves that the state built on them was
 * not either.
 */
@ApplicationScoped
public class RegistryStateAudit {
  /** How often a verifier runs at most before its findings count. */
  static final int RUNS = 3;

  @Inject private Instance<StateVerifier> verifiers;

  void audit(AuditProgress progress) {
    for (StateVerifier v : verifiers) {
      progress.phase("workflow state: " + v.scope());
      stableFindings(v).forEach(progress::found);
    }
  }

  /**
   * A verifier reads the log's transitions and the tables in separate queries, so a transition
   * committed between them looks like a mismatch once. What the log and the tables disagree on in
   * every run is a finding; a transition in flight is not.
   */
  static List<Discrepancy> stableFindings(StateVerifier v) {
    List<Discrepancy> found = run(v);
    for (int i = 1; i < RUNS && !found.isEmpty(); i++) {
      List<Discrepancy> again = run(v);
      if (again.equals(found)) break;
      found = found.stream().filter(again::contains).toList();
    }
    return found;
  }

  private static List<Discrepancy> run(StateVerifier v) {
    List<Discrepancy> found = new ArrayList<>();
    v.verify(found::add);
    return found;
  }
}
