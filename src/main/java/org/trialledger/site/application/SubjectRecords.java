package org.trialledger.site.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.trialledger.audit.application.AuditTrail;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.ledger.json.Commitment;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.log.application.LedgerRecorder;
import org.trialledger.platform.AccessDeniedException;
import org.trialledger.platform.NotFoundException;
import org.trialledger.platform.RuleViolationException;
import org.trialledger.registry.application.TrialFinder;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.registry.store.Trial;
import org.trialledger.security.application.Caller;
import org.trialledger.security.domain.Role;
import org.trialledger.site.domain.AdverseEventRecord;
import org.trialledger.site.domain.ConsentRecord;
import org.trialledger.site.domain.DispositionRecord;
import org.trialledger.site.domain.ElectronicSignature;
import org.trialledger.site.domain.LedgerRecord;
import org.trialledger.site.domain.Manifestation;
import org.trialledger.site.domain.OutcomeMeasure;
import org.trialledger.site.domain.Pseudonym;
import org.trialledger.site.domain.ResultRecord;
import org.trialledger.site.store.ConsentForm;
import org.trialledger.site.store.SiteRecord;
import org.trialledger.site.store.Subject;

/**
 * What a site records about its own subjects: signed consent and withdrawal, results and adverse
 * events, corrections as new versions with a reason. Each write is one transaction with its ledger
 * entry (a salted commitment, never the data) and audit record.
 */
@ApplicationScoped
public class SubjectRecords {
  public static final String CONSENT = "CONSENT_RECORD";
  public static final String RESULT = "RESULT_RECORD";
  public static final String ADVERSE_EVENT = "ADVERSE_EVENT_RECORD";
  public static final String DISPOSITION = "DISPOSITION_RECORD";
  static final String DISPOSITION_KEY = "disposition";

  @PersistenceContext private EntityManager em;
  @Inject private TrialFinder trials;
  @Inject private SiteQueries queries;
  @Inject private SiteKeys keys;
  @Inject private LedgerRecorder ledger;
  @Inject private AuditTrail audit;
  @Inject private Clock clock;

  /**
   * A consent or withdrawal against an exact form version, signed (the manifestation comes from a
   * signing).
   */
  @Transactional
  public SiteRecord consent(Caller site, RecordConsent c) {
    String pseudonym = c.pseudonym();
    ConsentRecord.Event event = c.event();
    Manifestation signature = c.signature();
    Subject subject = ownSubject(site, pseudonym);
    Trial trial = trials.trialById(subject.getTrialId());
    ConsentForm form = em.find(ConsentForm.class, c.consentFormId());
    if (form == null || form.getTrialId() != trial.getId())
      throw InvalidRecordException.of("consentForm", "Choose a consent form of this trial");
    ConsentRecord record =
        new ConsentRecord(
                trial.getRegistryId(),
                siteId(subject),
                Pseudonym.parse(pseudonym),
                String.valueOf(form.getId()),
                Hash.ofHex(form.getSha256()),
                event,
                c.occurredAt(),
                site.username(),
                signature)
            .requireValid(clock);
    if (event == ConsentRecord.Event.WITHDRAWN && !queries.hasValidConsent(subject)) {
      throw new RuleViolationException(
          "Subject " + pseudonym + " has no consent in force to withdraw");
    }
    String why = c.reason() == null || c.reason().isBlank() ? null : c.reason().strip();
    if (event == ConsentRecord.Event.CONSENTED
        && why == null
        && consentInForceOn(subject, String.valueOf(form.getId()))) {
      throw InvalidRecordException.of(
          "reason",
          "Consent on form "
              + form.getLabel()
              + " is already recorded for this subject; to record it again, give the reason");
    }
    if (why != null && why.length() > 500)
      throw InvalidRecordException.of("reason", "At most 500 characters");
    String sig =
        Base64.getEncoder()
            .encodeToString(
                ElectronicSignature.sign(record, signature, keys.signingKey()).signature());
    SiteRecord row =
        store(
            subject,
            SiteRecord.Kind.CONSENT,
            "consent",
            nextVersion(subject, SiteRecord.Kind.CONSENT, "consent"),
            record,
            sig,
            site,
            CONSENT,
            trial);
    audit.trialEvent(
        site,
        event == ConsentRecord.Event.CONSENTED ? "CONSENT_RECORDED" : "CONSENT_WITHDRAWN",
        trial.getRegistryId(),
        null,
        "subject "
            + pseudonym
            + " form "
            + form.getLabel()
            + " signed by "
            + signature.printedName()
            + " ("
            + signature.meaning()
            + ")",
        why);
    return row;
  }

  /** Whether the subject's latest consent event is consent given on this form version. */
  private boolean consentInForceOn(Subject subject, String formId) {
    return queries
        .latest(subject, SiteRecord.Kind.CONSENT, "consent")
        .filter(r -> r.getRecordJson() != null)
        .map(r -> ConsentRecord.fromJson(JsonParser.parse(r.getRecordJson())))
        .filter(r -> r.event() == ConsentRecord.Event.CONSENTED)
        .map(r -> formId.equals(r.consentFormVersionId()))
        .orElse(false);
  }

  /**
   * A result value, or a correction of one (a new version, which needs a reason). Needs consent in
   * force.
   */
  @Transactional
  public SiteRecord result(Caller site, RecordResult r) {
    String pseudonym = r.pseudonym();
    String visit = r.visit();
    int outcomeIndex = r.outcomeIndex();
    Subject subject = ownSubject(site, pseudonym);
    Trial trial = trials.trialById(subject.getTrialId());
    if (!queries.hasValidConsent(subject))
      throw new RuleViolationException("No results for " + pseudonym + " without consent in force");
    List<OutcomeMeasure> measures =
        OutcomeMeasure.registered(trials.recordOf(trials.publishedVersion(trial).orElseThrow()));
    OutcomeMeasure measure =
        measures.stream()
            .filter(m -> m.index() == outcomeIndex)
            .findFirst()
            .orElseThrow(
                () ->
                    InvalidRecordException.of(
                        "outcome", "Choose one of the trial's registered outcome measures"));
    String key = (visit == null ? "" : visit.strip()) + "|" + outcomeIndex;
    Optional<SiteRecord> previous = queries.latest(subject, SiteRecord.Kind.RESULT, key);
    Instant now = now();
    ResultRecord record =
        previous.isEmpty()
            ? ResultRecord.first(
                trial.getRegistryId(),
                siteId(subject),
                Pseudonym.parse(pseudonym),
                visit == null ? null : visit.strip(),
                r.observedOn(),
                measure,
                r.type(),
                r.value(),
                r.unit(),
                site.username(),
                now)
            : ResultRecord.fromJson(JsonParser.parse(requireJson(previous.get())))
                .correct(r.value(), r.unit(), r.reason(), site.username(), now);
    if (previous.isPresent()) {
      ResultRecord before = ResultRecord.fromJson(JsonParser.parse(requireJson(previous.get())));
      // The same value again (a second click) is not a correction: nothing new to store.
      if (Objects.equals(before.value(), record.value())
          && Objects.equals(before.unit(), record.unit())) return previous.get();
    }
    record.requireValid(clock, measures);
    SiteRecord row =
        store(
            subject,
            SiteRecord.Kind.RESULT,
            key,
            record.version(),
            record,
            null,
            site,
            RESULT,
            trial);
    audit.trialEvent(
        site,
        record.version() == 1 ? "RESULT_ENTERED" : "RESULT_CORRECTED",
        trial.getRegistryId(),
        null,
        "subject " + pseudonym + " " + visit + " " + measure.name() + " v" + record.version(),
        record.reasonForChange());
    return row;
  }

  /** An adverse event, or a correction of one ({@code eventId} given, with a reason). */
  @Transactional
  public SiteRecord adverseEvent(Caller site, ReportAdverseEvent e) {
    String pseudonym = e.pseudonym();
    String eventId = e.eventId();
    Subject subject = ownSubject(site, pseudonym);
    Trial trial = trials.trialById(subject.getTrialId());
    if (!queries.hasValidConsent(subject))
      throw new RuleViolationException(
          "No adverse events for " + pseudonym + " without consent in force");
    Instant now = now();
    AdverseEventRecord record;
    boolean create = eventId == null || eventId.isBlank();
    if (create && e.requestToken() != null) {
      // One report per form: the subject's row lock orders a double click's two requests, and
      // the second finds the event the first made.
      em.lock(subject, LockModeType.PESSIMISTIC_WRITE);
      Optional<SiteRecord> done = queries.byRequestToken(subject, e.requestToken());
      if (done.isPresent()) return done.get();
    }
    if (create) {
      String id;
      do {
        id =
            "AE-"
                + Long.toString(
                        Math.floorMod(keys.random().nextLong(), 36L * 36 * 36 * 36 * 36 * 36), 36)
                    .toUpperCase(Locale.ROOT);
      } while (queries.latest(subject, SiteRecord.Kind.ADVERSE_EVENT, id).isPresent());
      record =
          new AdverseEventRecord(
              trial.getRegistryId(),
              siteId(subject),
              Pseudonym.parse(pseudonym),
              id,
              e.term(),
              e.serious(),
              e.severity(),
              e.onset(),
              e.end(),
              e.outcome(),
              e.relatedness(),
              1,
              null,
              site.username(),
              now);
    } else {
      SiteRecord previous =
          queries
              .latest(subject, SiteRecord.Kind.ADVERSE_EVENT, eventId)
              .orElseThrow(
                  () -> new NotFoundException("No adverse event " + eventId + " for " + pseudonym));
      record =
          AdverseEventRecord.fromJson(JsonParser.parse(requireJson(previous)))
              .correct(
                  e.term(),
                  e.serious(),
                  e.severity(),
                  e.onset(),
                  e.end(),
                  e.outcome(),
                  e.relatedness(),
                  e.reason(),
                  site.username(),
                  now);
      AdverseEventRecord before =
          AdverseEventRecord.fromJson(JsonParser.parse(requireJson(previous)));
      // Saving the same facts again (a second click after the first) is not a correction.
      if (sameFacts(before, record)) return previous;
    }
    record.requireValid(clock);
    SiteRecord row =
        store(
            subject,
            SiteRecord.Kind.ADVERSE_EVENT,
            record.eventId(),
            record.version(),
            record,
            null,
            site,
            ADVERSE_EVENT,
            trial);
    if (create && e.requestToken() != null) row.madeByRequest(e.requestToken());
    audit.trialEvent(
        site,
        record.version() == 1 ? "ADVERSE_EVENT_REPORTED" : "ADVERSE_EVENT_CORRECTED",
        trial.getRegistryId(),
        null,
        "subject " + pseudonym + " " + record.eventId() + " " + e.term() + " v" + record.version(),
        record.reasonForChange());
    return row;
  }

  /**
   * The subject completed the study or discontinued it; a second time changes it (the next version,
   * with a reason for the change). Completion needs consent in force; a discontinuation does not (a
   * withdrawn subject is discontinued too).
   */
  @Transactional
  public SiteRecord disposition(Caller site, RecordDisposition d) {
    Subject subject = ownSubject(site, d.pseudonym());
    Trial trial = trials.trialById(subject.getTrialId());
    // the subject's row lock orders two requests for one subject (a double click)
    em.lock(subject, LockModeType.PESSIMISTIC_WRITE);
    if (d.status() == DispositionRecord.Status.COMPLETED && !queries.hasValidConsent(subject))
      throw new RuleViolationException(
          "Subject " + d.pseudonym() + " has no consent in force: record a discontinuation");
    Optional<SiteRecord> previous =
        queries.latest(subject, SiteRecord.Kind.DISPOSITION, DISPOSITION_KEY);
    Instant now = now();
    DispositionRecord record;
    if (previous.isEmpty()) {
      record =
          new DispositionRecord(
              trial.getRegistryId(),
              siteId(subject),
              Pseudonym.parse(d.pseudonym()),
              d.status(),
              d.reason(),
              d.detail(),
              d.date(),
              1,
              null,
              site.username(),
              now);
    } else {
      DispositionRecord before =
          DispositionRecord.fromJson(JsonParser.parse(requireJson(previous.get())));
      record =
          before.change(
              d.status(),
              d.reason(),
              d.detail(),
              d.date(),
              d.reasonForChange(),
              site.username(),
              now);
      if (before.sameFacts(record)) return previous.get();
    }
    record.requireValid(clock);
    SiteRecord row =
        store(
            subject,
            SiteRecord.Kind.DISPOSITION,
            DISPOSITION_KEY,
            record.version(),
            record,
            null,
            site,
            DISPOSITION,
            trial);
    audit.trialEvent(
        site,
        record.status() == DispositionRecord.Status.COMPLETED
            ? "SUBJECT_COMPLETED"
            : "SUBJECT_DISCONTINUED",
        trial.getRegistryId(),
        null,
        "subject "
            + d.pseudonym()
            + " "
            + record.status()
            + (record.reason() == null ? "" : " (" + record.reason().label() + ")")
            + " on "
            + record.date()
            + " v"
            + record.version(),
        record.reasonForChange());
    return row;
  }

  private static boolean sameFacts(AdverseEventRecord a, AdverseEventRecord b) {
    return Objects.equals(a.term(), b.term())
        && Objects.equals(a.serious(), b.serious())
        && a.severity() == b.severity()
        && Objects.equals(a.onsetDate(), b.onsetDate())
        && Objects.equals(a.endDate(), b.endDate())
        && a.outcome() == b.outcome()
        && a.relatedness() == b.relatedness();
  }

  private SiteRecord store(
      Subject subject,
      SiteRecord.Kind kind,
      String key,
      int version,
      LedgerRecord record,
      String signature,
      Caller by,
      String artifactType,
      Trial trial) {
    Commitment c = record.commit(keys.random());
    String json = CanonicalJson.write(record.toJson());
    SiteRecord row =
        new SiteRecord(
            subject.getId(),
            kind,
            key,
            version,
            json,
            c.saltBase64(),
            c.value().hex(),
            signature,
            now(),
            by.username());
    em.persist(row);
    em.flush();
    row.recordedAs(
        ledger
            .recordCommitment(
                artifactType,
                trial.getRegistryId() + "/site-records/" + row.getId(),
                1,
                c.value().hex())
            .leafHash());
    return row;
  }

  private int nextVersion(Subject subject, SiteRecord.Kind kind, String key) {
    return queries.latest(subject, kind, key).map(r -> r.getVersion() + 1).orElse(1);
  }

  private static String requireJson(SiteRecord r) {
    if (r.getRecordJson() == null)
      throw new RuleViolationException("This subject's data was erased on request");
    return r.getRecordJson();
  }

  /** A subject of the caller's own site; another site's subject is "not found". */
  Subject ownSubject(Caller site, String pseudonym) {
    if (!site.is(Role.SITE))
      throw new AccessDeniedException("Only site staff record subjects' data");
    Subject subject =
        queries
            .findSubject(pseudonym)
            .filter(s -> site.belongsTo(s.getSiteOrganisationId()))
            .orElseThrow(() -> new NotFoundException("No subject " + pseudonym + " at your site"));
    if (subject.getErasedAt() != null)
      throw new RuleViolationException("This subject's data was erased on request");
    return subject;
  }

  private String siteId(Subject subject) {
    return "SITE-" + subject.getSiteOrganisationId();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
