package org.trialledger.site.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.platform.NotFoundException;
import org.trialledger.registry.application.TrialAccess;
import org.trialledger.registry.application.TrialFinder;
import org.trialledger.registry.store.Trial;
import org.trialledger.security.application.Caller;
import org.trialledger.security.domain.Role;
import org.trialledger.site.domain.AdverseEventRecord;
import org.trialledger.site.domain.ConsentFormVersion;
import org.trialledger.site.domain.ConsentRecord;
import org.trialledger.site.domain.DispositionRecord;
import org.trialledger.site.domain.Pseudonym;
import org.trialledger.site.domain.ReconsentRule;
import org.trialledger.site.domain.ResultRecord;
import org.trialledger.site.store.ConsentForm;
import org.trialledger.site.store.SiteActivation;
import org.trialledger.site.store.SiteCredential;
import org.trialledger.site.store.SiteRecord;
import org.trialledger.site.store.Subject;

/**
 * Reads of the site data, each with its visibility rule: a site sees its own subjects; the trial's
 * sponsor and regulators see every subject's pseudonym and records; nobody here sees identifying
 * details.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SiteQueries {
  @PersistenceContext private EntityManager em;
  @Inject private TrialFinder trials;

  /** A subject's state for the dashboards. */
  public record SubjectRow(
      String pseudonym,
      long siteOrganisationId,
      String enrolledAt,
      String consent,
      boolean mustReconsent,
      int results,
      int openAdverseEvents,
      boolean erased) {}

  /**
   * The trial whose sites, investigators, credentials, consent forms and subjects the caller may
   * see: its sponsor's own staff and regulators. Any other trial is not found, so its existence
   * does not leak.
   */
  public Trial trialWithSiteData(Caller caller, String registryId) {
    Trial trial = trials.visibleTrial(caller, registryId);
    if (!TrialAccess.seesWork(caller, trial))
      throw new NotFoundException("No trial " + registryId + " is visible to you");
    return trial;
  }

  public Optional<SiteActivation> activation(long trialId, long siteOrganisationId) {
    return em.createQuery(
            "SELECT a FROM SiteActivation a WHERE a.trialId = :t AND a.siteOrganisationId = :s",
            SiteActivation.class)
        .setParameter("t", trialId)
        .setParameter("s", siteOrganisationId)
        .getResultStream()
        .findFirst();
  }

  public List<SiteActivation> activations(Trial trial) {
    return em.createQuery(
            "SELECT a FROM SiteActivation a WHERE a.trialId = :t ORDER BY a.id",
            SiteActivation.class)
        .setParameter("t", trial.getId())
        .getResultList();
  }

  /** The trials a site works on. */
  public List<Trial> trialsOfSite(Caller site) {
    if (site.organisationId() == null) return List.of();
    List<Trial> out = new ArrayList<>();
    for (Long id :
        em.createQuery(
                "SELECT a.trialId FROM SiteActivation a WHERE a.siteOrganisationId = :s ORDER BY a.id",
                Long.class)
            .setParameter("s", site.organisationId())
            .getResultList()) {
      out.add(trials.trialById(id));
    }
    return out;
  }

  public List<SiteCredential> credentials(SiteActivation activation) {
    return em.createQuery(
            "SELECT c FROM SiteCredential c WHERE c.activationId = :a ORDER BY c.id",
            SiteCredential.class)
        .setParameter("a", activation.getId())
        .getResultList();
  }

  public List<ConsentForm> consentForms(Trial trial) {
    return em.createQuery(
            "SELECT f FROM ConsentForm f WHERE f.trialId = :t ORDER BY f.id", ConsentForm.class)
        .setParameter("t", trial.getId())
        .getResultList();
  }

  public Optional<Subject> findSubject(String pseudonym) {
    if (pseudonym == null || !Pseudonym.isValid(pseudonym)) return Optional.empty();
    return em.createQuery("SELECT s FROM Subject s WHERE s.pseudonym = :p", Subject.class)
        .setParameter("p", Pseudonym.parse(pseudonym).value())
        .getResultStream()
        .findFirst();
  }

  /** A subject the caller may see: its site's staff, the trial's sponsor, regulators. */
  public Subject visibleSubject(Caller caller, String pseudonym) {
    Subject s =
        findSubject(pseudonym).orElseThrow(() -> new NotFoundException("No subject " + pseudonym));
    Trial trial = trials.trialById(s.getTrialId());
    boolean site = caller.is(Role.SITE) && caller.belongsTo(s.getSiteOrganisationId());
    if (!site && !TrialAccess.seesWork(caller, trial))
      throw new NotFoundException("No subject " + pseudonym);
    return s;
  }

  /** Subjects of a trial the caller may see (a site: its own). */
  public List<Subject> subjects(Caller caller, Trial trial) {
    boolean all = TrialAccess.seesWork(caller, trial);
    if (!all && !(caller.is(Role.SITE) && caller.organisationId() != null)) return List.of();
    String where = all ? "" : " AND s.siteOrganisationId = :site";
    var q =
        em.createQuery(
                "SELECT s FROM Subject s WHERE s.trialId = :t" + where + " ORDER BY s.id",
                Subject.class)
            .setParameter("t", trial.getId());
    if (!all) q.setParameter("site", caller.organisationId());
    return q.getResultList();
  }

  public List<SiteRecord> records(Subject subject) {
    return em.createQuery(
            "SELECT r FROM SiteRecord r WHERE r.subjectId = :s ORDER BY r.id", SiteRecord.class)
        .setParameter("s", subject.getId())
        .getResultList();
  }

  /** The record a request with this form token made, if one did. */
  public Optional<SiteRecord> byRequestToken(Subject subject, String token) {
    return em.createQuery(
            "SELECT r FROM SiteRecord r WHERE r.subjectId = :s AND r.requestToken = :t",
            SiteRecord.class)
        .setParameter("s", subject.getId())
        .setParameter("t", token)
        .getResultStream()
        .findFirst();
  }

  public Optional<SiteRecord> latest(Subject subject, SiteRecord.Kind kind, String key) {
    return em.createQuery(
            "SELECT r FROM SiteRecord r WHERE r.subjectId = :s AND r.kind = :k AND r.recordKey = :key ORDER BY r.version DESC",
            SiteRecord.class)
        .setParameter("s", subject.getId())
        .setParameter("k", kind)
        .setParameter("key", key)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** A subject's stored records, parsed (every version; erased ones are gone). */
  public record SubjectData(
      List<ConsentRecord> consents,
      List<ResultRecord> results,
      List<AdverseEventRecord> adverseEvents,
      List<DispositionRecord> dispositions) {}

  public SubjectData data(Subject subject) {
    SubjectData d =
        new SubjectData(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (SiteRecord r : records(subject)) {
      if (r.getRecordJson() == null) continue;
      Object json = JsonParser.parse(r.getRecordJson());
      switch (r.getKind()) {
        case CONSENT -> d.consents().add(ConsentRecord.fromJson(json));
        case RESULT -> d.results().add(ResultRecord.fromJson(json));
        case ADVERSE_EVENT -> d.adverseEvents().add(AdverseEventRecord.fromJson(json));
        case DISPOSITION -> d.dispositions().add(DispositionRecord.fromJson(json));
        default -> {}
      }
    }
    return d;
  }

  public List<ConsentRecord> consentEvents(Subject subject) {
    return data(subject).consents();
  }

  public boolean hasValidConsent(Subject subject) {
    Map<Pseudonym, ConsentRecord> latest = ReconsentRule.latestEvents(consentEvents(subject));
    ConsentRecord last = latest.get(new Pseudonym(subject.getPseudonym()));
    return last != null && last.event() == ConsentRecord.Event.CONSENTED;
  }

  /**
   * Who must re-consent (newer form for a newer protocol version) and who has no consent in force.
   */
  public ReconsentRule.Report reconsent(Trial trial, List<Subject> subjects) {
    List<ConsentFormVersion> forms =
        consentForms(trial).stream()
            .map(
                f ->
                    new ConsentFormVersion(
                        String.valueOf(f.getId()),
                        trial.getRegistryId(),
                        f.getProtocolVersion(),
                        Hash.ofHex(f.getSha256())))
            .toList();
    List<ConsentRecord> events = new ArrayList<>();
    subjects.forEach(s -> events.addAll(consentEvents(s)));
    return ReconsentRule.evaluate(
        forms, subjects.stream().map(s -> new Pseudonym(s.getPseudonym())).toList(), events);
  }

  public List<SubjectRow> rows(Caller caller, Trial trial) {
    List<Subject> subjects = subjects(caller, trial);
    ReconsentRule.Report report = reconsent(trial, subjects);
    List<SubjectRow> rows = new ArrayList<>();
    for (Subject s : subjects) {
      Pseudonym p = new Pseudonym(s.getPseudonym());
      List<SiteRecord> records = records(s);
      ConsentRecord last = ReconsentRule.latestEvents(consentEvents(s)).get(p);
      String consent =
          s.getErasedAt() != null
              ? "erased on request"
              : last == null
                  ? "no consent"
                  : last.event() == ConsentRecord.Event.CONSENTED
                      ? "consented " + last.occurredAt().atZone(ZoneOffset.UTC).toLocalDate()
                      : "withdrawn " + last.occurredAt().atZone(ZoneOffset.UTC).toLocalDate();
      boolean reconsent = report.mustReconsent().stream().anyMatch(f -> f.subject().equals(p));
      int results =
          (int)
              records.stream()
                  .filter(r -> r.getKind() == SiteRecord.Kind.RESULT && r.getVersion() == 1)
                  .count();
      int openAes =
          (int)
              records.stream()
                  .filter(r -> r.getKind() == SiteRecord.Kind.ADVERSE_EVENT)
                  .map(SiteRecord::getRecordKey)
                  .distinct()
                  .filter(
                      key ->
                          latest(s, SiteRecord.Kind.ADVERSE_EVENT, key)
                              .map(
                                  r ->
                                      r.getRecordJson() != null
                                          && !r.getRecordJson().contains("\"endDate\""))
                              .orElse(false))
                  .count();
      rows.add(
          new SubjectRow(
              s.getPseudonym(),
              s.getSiteOrganisationId(),
              s.getEnrolledAt().toString(),
              consent,
              reconsent,
              results,
              openAes,
              s.getErasedAt() != null));
    }
    return rows;
  }

  /**
   * Cumulative enrolment per site over time, for the sponsor's chart: site → (day → subjects
   * enrolled so far).
   */
  public Map<Long, TreeMap<LocalDate, Integer>> enrolmentBySite(Trial trial) {
    Map<Long, TreeMap<LocalDate, Integer>> out = new TreeMap<>();
    for (Subject s :
        em.createQuery(
                "SELECT s FROM Subject s WHERE s.trialId = :t ORDER BY s.enrolledAt", Subject.class)
            .setParameter("t", trial.getId())
            .getResultList()) {
      TreeMap<LocalDate, Integer> days =
          out.computeIfAbsent(s.getSiteOrganisationId(), k -> new TreeMap<>());
      LocalDate day = s.getEnrolledAt().atZone(ZoneOffset.UTC).toLocalDate();
      int before = days.isEmpty() ? 0 : days.lastEntry().getValue();
      days.put(day, before + 1);
    }
    return out;
  }
}
