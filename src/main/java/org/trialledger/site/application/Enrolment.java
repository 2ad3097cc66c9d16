package org.trialledger.site.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.trialledger.audit.application.AuditTrail;
import org.trialledger.platform.AccessDeniedException;
import org.trialledger.platform.NotFoundException;
import org.trialledger.platform.RuleViolationException;
import org.trialledger.registry.application.TrialFinder;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.registry.domain.TrialStatus;
import org.trialledger.registry.store.Trial;
import org.trialledger.security.application.Caller;
import org.trialledger.security.domain.Role;
import org.trialledger.site.domain.IdentifyingDetails;
import org.trialledger.site.domain.Pseudonym;
import org.trialledger.site.domain.SiteStateReplay;
import org.trialledger.site.domain.SubjectVault;
import org.trialledger.site.store.SiteRecord;
import org.trialledger.site.store.Subject;

/**
 * A subject's presence in a trial: enrolment at an activated site under a random pseudonym, and
 * erasure on request (crypto-shredding). Each is one transaction with its audit record.
 */
@ApplicationScoped
public class Enrolment {
  @PersistenceContext private EntityManager em;
  @Inject private TrialFinder trials;
  @Inject private SiteQueries queries;
  @Inject private SiteKeys keys;
  @Inject private AuditTrail audit;
  @Inject private Clock clock;

  /** Birth dates before this are typing errors, not subjects. */
  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

  /**
   * Enrols a subject under a new random pseudonym; identifying details, if given, are sealed and
   * never hashed.
   */
  @Transactional
  public Subject enrol(Caller site, String registryId, IdentifyingDetails details) {
    Trial trial = activeTrialFor(site, registryId);
    if (details != null && details.birthDate() != null) {
      LocalDate born = details.birthDate();
      if (born.isAfter(LocalDate.now(clock)))
        throw InvalidRecordException.of("birthDate", "A birth date cannot be in the future");
      if (born.isBefore(EARLIEST_BIRTH))
        throw InvalidRecordException.of("birthDate", "A birth date before 1900 is not plausible");
    }
    byte[] sealed = null;
    byte[] wrapped = null;
    Pseudonym pseudonym = Pseudonym.issue(keys.random());
    while (queries.findSubject(pseudonym.value()).isPresent())
      pseudonym = Pseudonym.issue(keys.random());
    if (details != null) {
      SubjectVault.Sealed s = keys.vault().seal(pseudonym, details);
      sealed = s.ciphertext();
      wrapped = s.wrappedKey();
    }
    Subject subject =
        new Subject(
            trial.getId(),
            site.organisationId(),
            pseudonym.value(),
            now(),
            site.username(),
            sealed,
            wrapped);
    em.persist(subject);
    audit.trialEvent(
        site,
        "SUBJECT_ENROLLED",
        registryId,
        null,
        SiteStateReplay.subjectText(pseudonym.value()),
        null);
    return subject;
  }

  /**
   * Honours an erasure request: the subject's key, sealed details, records and salts are destroyed.
   * The ledger keeps the commitments, which now commit to nothing anyone can recompute; audits
   * report them as erased by request.
   */
  @Transactional
  public void erase(Caller admin, String pseudonym, String reason) {
    if (!admin.is(Role.ADMIN))
      throw new AccessDeniedException("Only an administrator honours erasure requests");
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty())
      throw InvalidRecordException.of("reason", "Record the erasure request (reference, date)");
    Subject subject =
        queries
            .findSubject(pseudonym)
            .orElseThrow(() -> new NotFoundException("No subject " + pseudonym));
    subject.erase(now());
    queries.records(subject).forEach(SiteRecord::erase);
    audit.trialEvent(
        admin,
        "SUBJECT_ERASED",
        trials.trialById(subject.getTrialId()).getRegistryId(),
        null,
        SiteStateReplay.subjectText(subject.getPseudonym()),
        why);
  }

  private Trial activeTrialFor(Caller site, String registryId) {
    if (!site.is(Role.SITE) || site.organisationId() == null)
      throw new AccessDeniedException("Only site staff enrol subjects");
    Trial trial = trials.visibleTrial(site, registryId);
    if (queries.activation(trial.getId(), site.organisationId()).isEmpty()) {
      throw new AccessDeniedException("Your site is not activated for " + registryId);
    }
    if (trial.getStatus() != TrialStatus.PUBLISHED)
      throw new RuleViolationException("The trial is not open (" + trial.getStatus() + ")");
    return trial;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
