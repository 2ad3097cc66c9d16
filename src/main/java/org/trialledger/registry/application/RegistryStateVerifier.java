package org.trialledger.registry.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.trialledger.audit.application.LedgeredAuditRecords;
import org.trialledger.audit.domain.AuditRecord;
import org.trialledger.log.domain.Discrepancy;
import org.trialledger.log.domain.StateVerifier;
import org.trialledger.registry.domain.TrialStateReplay;
import org.trialledger.registry.domain.VersionState;
import org.trialledger.registry.store.Trial;
import org.trialledger.registry.store.TrialVersion;

/**
 * Lets the full audit recompute each trial's status, published version, withdrawal and version
 * states from the workflow's ledger-backed audit records, and compare them with the tables.
 */
@ApplicationScoped
public class RegistryStateVerifier implements StateVerifier {
  @PersistenceContext private EntityManager em;
  @Inject private LedgeredAuditRecords evidence;

  @Override
  public String scope() {
    return "trials";
  }

  @Override
  public void verify(Consumer<Discrepancy> found) {
    List<TrialStateReplay.Transition> transitions =
        evidence
            .of("TRIAL", Arrays.stream(TrialStateReplay.Step.values()).map(Enum::name).toList())
            .stream()
            .flatMap(
                r -> {
                  AuditRecord a = r.record();
                  return TrialStateReplay.read(
                      r.id(), a.action(), a.objectId(), a.newValue(), a.reason())
                      .stream();
                })
            .toList();
    Map<Long, Map<Integer, VersionState>> versions = new HashMap<>();
    for (TrialVersion v :
        em.createQuery("SELECT v FROM TrialVersion v", TrialVersion.class).getResultList()) {
      versions
          .computeIfAbsent(v.getTrialId(), id -> new TreeMap<>())
          .put(v.getVersionNumber(), v.getState());
    }
    List<TrialStateReplay.StoredTrial> stored =
        em.createQuery("SELECT t FROM Trial t ORDER BY t.id", Trial.class)
            .getResultStream()
            .map(
                t ->
                    new TrialStateReplay.StoredTrial(
                        t.getRegistryId(),
                        t.getStatus(),
                        t.getPublishedVersion(),
                        t.getWithdrawnAt() != null,
                        t.getWithdrawalReason(),
                        Optional.ofNullable(versions.get(t.getId())).orElse(Map.of())))
            .toList();
    for (TrialStateReplay.Mismatch m : TrialStateReplay.compare(transitions, stored)) {
      found.accept(
          new Discrepancy(
              Discrepancy.Kind.STATE_MISMATCH, m.where(), m.field(), m.expected(), m.found()));
    }
  }
}
