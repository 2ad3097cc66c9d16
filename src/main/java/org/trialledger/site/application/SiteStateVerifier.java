package org.trialledger.site.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.trialledger.audit.application.LedgeredAuditRecords;
import org.trialledger.audit.domain.AuditRecord;
import org.trialledger.log.domain.Discrepancy;
import org.trialledger.log.domain.StateVerifier;
import org.trialledger.site.domain.SiteStateReplay;
import org.trialledger.site.store.SiteRecord;

/**
 * Lets the full audit recompute activations, enrolments, erasures and record ownership from the log
 * and compare them with the sites' tables.
 */
@ApplicationScoped
public class SiteStateVerifier implements StateVerifier {
  private static final int PAGE = 1_000;

  @PersistenceContext private EntityManager em;
  @Inject private LedgeredAuditRecords evidence;

  @Override
  public String scope() {
    return "sites, subjects and records";
  }

  @Override
  public void verify(Consumer<Discrepancy> found) {
    List<SiteStateReplay.Transition> transitions =
        evidence
            .of("TRIAL", Arrays.stream(SiteStateReplay.Step.values()).map(Enum::name).toList())
            .stream()
            .flatMap(
                r -> {
                  AuditRecord a = r.record();
                  return SiteStateReplay.read(
                      r.id(),
                      a.action(),
                      a.objectId(),
                      a.actorOrganisationId(),
                      a.newValue(),
                      a.reason())
                      .stream();
                })
            .toList();
    List<SiteStateReplay.StoredActivation> activations =
        em.createQuery(
                "SELECT t.registryId, a.siteOrganisationId, o.name, a.principalInvestigator"
                    + " FROM SiteActivation a, Trial t, Organisation o"
                    + " WHERE a.trialId = t.id AND a.siteOrganisationId = o.id ORDER BY a.id",
                Object[].class)
            .getResultStream()
            .map(
                r ->
                    new SiteStateReplay.StoredActivation(
                        (String) r[0], ((Number) r[1]).longValue(), (String) r[2], (String) r[3]))
            .toList();
    List<SiteStateReplay.StoredSubject> subjects =
        em.createQuery(
                "SELECT s.id, t.registryId, s.siteOrganisationId, s.pseudonym, s.erasedAt,"
                    + " CASE WHEN s.sealedDetails IS NULL AND s.wrappedKey IS NULL THEN 0 ELSE 1 END"
                    + " FROM Subject s, Trial t WHERE s.trialId = t.id ORDER BY s.id",
                Object[].class)
            .getResultStream()
            .map(
                r ->
                    new SiteStateReplay.StoredSubject(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        ((Number) r[2]).longValue(),
                        (String) r[3],
                        r[4] == null ? null : r[4].toString(),
                        ((Number) r[5]).intValue() == 1))
            .toList();
    report(SiteStateReplay.compare(transitions, activations, subjects), found);
    // records in pages: their JSON is the bulk of the sites' data
    long last = -1;
    List<Object[]> page;
    do {
      page =
          em.createQuery(
                  "SELECT r.id, r.kind, r.recordKey, r.version, r.subjectId, r.recordJson"
                      + " FROM SiteRecord r"
                      + " WHERE r.id > :last ORDER BY r.id",
                  Object[].class)
              .setParameter("last", last)
              .setMaxResults(PAGE)
              .getResultList();
      List<SiteStateReplay.StoredRecord> records =
          page.stream()
              .map(
                  r ->
                      new SiteStateReplay.StoredRecord(
                          ((Number) r[0]).longValue(),
                          ((SiteRecord.Kind) r[1]).name(),
                          (String) r[2],
                          ((Number) r[3]).intValue(),
                          ((Number) r[4]).longValue(),
                          (String) r[5]))
              .toList();
      report(SiteStateReplay.compareOwners(records, subjects), found);
      if (!records.isEmpty()) last = records.get(records.size() - 1).id();
    } while (page.size() == PAGE);
  }

  private static void report(List<SiteStateReplay.Finding> findings, Consumer<Discrepancy> found) {
    for (SiteStateReplay.Finding f : findings) {
      found.accept(
          new Discrepancy(
              f.erasure()
                  ? Discrepancy.Kind.ERASED_WITHOUT_REQUEST
                  : Discrepancy.Kind.STATE_MISMATCH,
              f.where(),
              f.field(),
              f.expected(),
              f.found()));
    }
  }
}
