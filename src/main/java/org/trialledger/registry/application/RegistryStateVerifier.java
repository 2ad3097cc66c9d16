package org.trialledger.registry.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.trialledger.audit.application.LedgeredAuditRecords;
import org.trialledger.audit.domain.AuditRecord;
import org.trialledger.log.domain.Discrepancy;
import org.trialledger.log.domain.StateVerifier;
import org.trialledger.registry.domain.TrialStateReplay;
import org.trialledger.registry.domain.VersionEnvelope;
import org.trialledger.registry.domain.VersionState;
import org.trialledger.registry.store.SearchProjection;
import org.trialledger.registry.store.Trial;

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
    for (Object[] v :
        em.createQuery(
                "SELECT v.trialId, v.versionNumber, v.state FROM TrialVersion v", Object[].class)
            .getResultList()) {
      versions
          .computeIfAbsent(((Number) v[0]).longValue(), id -> new TreeMap<>())
          .put(((Number) v[1]).intValue(), (VersionState) v[2]);
    }
    List<Trial> trials =
        em.createQuery("SELECT t FROM Trial t ORDER BY t.id", Trial.class).getResultList();
    List<TrialStateReplay.StoredTrial> stored =
        trials.stream()
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
    // read apart: the audit runs outside a transaction, where a lazy collection cannot load
    Map<Long, Set<String>> countries = new HashMap<>();
    for (Object[] c :
        em.createQuery("SELECT t.id, c FROM Trial t JOIN t.countries c", Object[].class)
            .getResultList()) {
      countries
          .computeIfAbsent(((Number) c[0]).longValue(), id -> new TreeSet<>())
          .add((String) c[1]);
    }
    for (Trial t : trials)
      compareSearchColumns(t, countries.getOrDefault(t.getId(), Set.of()), found);
  }

  /**
   * What the public search shows of a trial (title, sponsor, recruitment status, phases, start,
   * conditions, countries) must be taken from its published version, whose canonical JSON the
   * content phase has checked against the log.
   */
  private void compareSearchColumns(Trial t, Set<String> countries, Consumer<Discrepancy> found) {
    if (t.getPublishedVersion() == null) return;
    Optional<String> json =
        em.createQuery(
                "SELECT v.canonicalJson FROM TrialVersion v WHERE v.trialId = :t AND v.versionNumber = :n",
                String.class)
            .setParameter("t", t.getId())
            .setParameter("n", t.getPublishedVersion())
            .getResultStream()
            .findFirst();
    if (json.isEmpty()) return; // a published version that is not stored: named above
    SearchProjection p;
    try {
      p = SearchProjection.of(VersionEnvelope.parse(json.get()).record());
    } catch (RuntimeException unreadable) {
      return; // no longer the canonical JSON the log holds: the content phase names it
    }
    String where = "trial " + t.getRegistryId();
    String from = " (published version " + t.getPublishedVersion() + ")";
    column(where, "public_title", p.publicTitle(), t.getPublicTitle(), from, found);
    column(where, "sponsor_name", p.sponsorName(), t.getSponsorName(), from, found);
    column(
        where, "recruitment_status", p.recruitmentStatus(), t.getRecruitmentStatus(), from, found);
    column(where, "phases", p.phases(), t.getPhases(), from, found);
    column(where, "start_date", p.startDate(), t.getStartDate(), from, found);
    column(where, "start_date_text", p.startDateText(), t.getStartDateText(), from, found);
    column(where, "conditions_text", p.conditionsText(), t.getConditionsText(), from, found);
    column(
        where,
        "trial_country",
        new TreeSet<>(p.countries()),
        new TreeSet<>(countries),
        from,
        found);
  }

  private static void column(
      String where,
      String field,
      Object expected,
      Object stored,
      String from,
      Consumer<Discrepancy> found) {
    if (!Objects.equals(expected, stored)) {
      found.accept(
          new Discrepancy(
              Discrepancy.Kind.STATE_MISMATCH,
              where,
              field,
              expected + from,
              String.valueOf(stored)));
    }
  }
}
