package org.trialledger.results.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.trialledger.audit.application.AuditTrail;
import org.trialledger.audit.domain.AuditRecord;
import org.trialledger.ledger.Hash;
import org.trialledger.log.application.LedgerRecorder;
import org.trialledger.platform.AccessDeniedException;
import org.trialledger.platform.NotFoundException;
import org.trialledger.platform.RuleViolationException;
import org.trialledger.registry.application.TrialAccess;
import org.trialledger.registry.application.TrialFinder;
import org.trialledger.registry.domain.CommentSeverity;
import org.trialledger.registry.domain.FieldError;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.domain.VersionState;
import org.trialledger.registry.store.Trial;
import org.trialledger.registry.store.TrialVersion;
import org.trialledger.results.domain.ResultsEnvelope;
import org.trialledger.results.domain.ResultsFinding;
import org.trialledger.results.domain.ResultsRecord;
import org.trialledger.results.domain.ResultsValidator;
import org.trialledger.results.store.ResultsComment;
import org.trialledger.results.store.ResultsVersion;
import org.trialledger.security.application.Caller;
import org.trialledger.security.domain.Role;

/**
 * The results workflow, shaped like the protocol's: the sponsor submits a results version of a
 * published trial (checked as PRS checks it: errors refuse the submission), a regulator comments,
 * returns or publishes it. A version and its {@code RESULTS_VERSION} ledger entry, a decision and
 * its audit record, commit together or not at all. Every method checks role and organisation.
 */
@ApplicationScoped
public class TrialResults {
  public static final String ARTIFACT = "RESULTS_VERSION";

  /** Audit object type of the results workflow's records. */
  static final String AUDIT_OBJECT = "TRIAL_RESULTS";

  @PersistenceContext private EntityManager em;
  @Inject private LedgerRecorder ledger;
  @Inject private AuditTrail audit;
  @Inject private TrialFinder finder;
  @Inject private Clock clock;

  /** What validation says of a record against the trial's published registration (no write). */
  public List<ResultsFinding> check(Caller caller, String registryId, ResultsRecord record) {
    Trial trial = finder.visibleTrial(caller, registryId);
    requireOwner(caller, trial);
    return ResultsValidator.validate(record, primaryOutcomes(registered(trial)));
  }

  /** The published registration's arms, to tie imported groups to. */
  public List<String> armLabels(Caller caller, String registryId) {
    Trial trial = finder.visibleTrial(caller, registryId);
    requireOwner(caller, trial);
    return registered(trial).arms().stream().map(RegistrationRecord.Arm::label).toList();
  }

  @Transactional
  public ResultsVersionView submit(Caller caller, String registryId, ResultsRecord record) {
    Trial trial = finder.lockedTrial(registryId);
    requireOwner(caller, trial);
    TrialVersion published =
        finder
            .publishedVersion(trial)
            .orElseThrow(
                () ->
                    new RuleViolationException(
                        "Results are reported on a published registration; publish it first"));
    List<ResultsVersion> versions = versions(trial);
    if (versions.stream().anyMatch(v -> v.getState() == VersionState.SUBMITTED))
      throw new RuleViolationException(
          "A results version is under review; submit again once the review is decided");
    List<ResultsFinding> findings =
        ResultsValidator.validate(record, primaryOutcomes(finder.recordOf(published)));
    if (ResultsValidator.hasErrors(findings))
      throw new InvalidRecordException(
          findings.stream()
              .filter(f -> f.severity() == ResultsFinding.Severity.ERROR)
              .map(f -> new FieldError(f.field(), f.message()))
              .toList());
    if (!versions.isEmpty()
        && ResultsEnvelope.parse(versions.get(versions.size() - 1).getCanonicalJson())
            .record()
            .equals(record))
      throw new RuleViolationException(
          "Nothing has changed since results version " + versions.size());
    int number = versions.size() + 1;
    Instant now = now();
    String canonical =
        new ResultsEnvelope(registryId, number, published.getVersionNumber(), now, record)
            .canonicalJson();
    if (canonical.length() > 1_000_000)
      throw InvalidRecordException.of("record", "The results are larger than 1 MB of text");
    String contentHash = Hash.sha256(canonical.getBytes(StandardCharsets.UTF_8)).hex();
    var receipt = ledger.recordHash(ARTIFACT, trial.getRegistryId(), number, contentHash);
    ResultsVersion version =
        new ResultsVersion(
            trial.getId(),
            number,
            canonical,
            contentHash,
            now,
            caller.username(),
            receipt.leafHash());
    em.persist(version);
    audit(caller, "RESULTS_SUBMITTED", trial.getRegistryId(), "results version " + number, null);
    return ResultsVersionView.of(version, List.of());
  }

  @Transactional
  public ResultsVersionView.Comment comment(
      Caller caller, String registryId, int number, CommentSeverity severity, String body) {
    requireRegulator(caller);
    Trial trial = finder.lockedTrial(registryId);
    ResultsVersion version = underReview(trial, number);
    if (severity == null) throw InvalidRecordException.of("severity", "Choose major or advisory");
    String text = body == null ? "" : body.strip();
    if (text.isEmpty()) throw InvalidRecordException.of("body", "Write the comment");
    if (text.length() > 4000) throw InvalidRecordException.of("body", "At most 4000 characters");
    ResultsComment comment =
        new ResultsComment(version.getId(), severity, text, caller.username(), now());
    em.persist(comment);
    audit(
        caller,
        "RESULTS_COMMENT",
        trial.getRegistryId(),
        "results version " + number + ": " + severity.name(),
        text);
    return ResultsVersionView.Comment.of(comment);
  }

  /** Publishes a results version under review; refused while it has major comments. */
  @Transactional
  public ResultsVersionView publish(Caller caller, String registryId, int number) {
    requireRegulator(caller);
    Trial trial = finder.lockedTrial(registryId);
    ResultsVersion version = underReview(trial, number);
    long major =
        comments(version).stream().filter(c -> c.getSeverity() == CommentSeverity.MAJOR).count();
    if (major > 0)
      throw new RuleViolationException(
          "Results version "
              + number
              + " has "
              + major
              + " major comment(s): return it to the sponsor instead");
    version.decide(VersionState.PUBLISHED, caller.username(), now());
    audit(caller, "RESULTS_PUBLISHED", trial.getRegistryId(), "results version " + number, null);
    return ResultsVersionView.of(version, List.of());
  }

  /** Sends a results version back; needs a major comment saying what to fix. */
  @Transactional
  public ResultsVersionView returnToSponsor(Caller caller, String registryId, int number) {
    requireRegulator(caller);
    Trial trial = finder.lockedTrial(registryId);
    ResultsVersion version = underReview(trial, number);
    if (comments(version).stream().noneMatch(c -> c.getSeverity() == CommentSeverity.MAJOR))
      throw new RuleViolationException(
          "Add a major comment saying what the sponsor must change before returning the results");
    version.decide(VersionState.RETURNED, caller.username(), now());
    audit(caller, "RESULTS_RETURNED", trial.getRegistryId(), "results version " + number, null);
    return ResultsVersionView.of(version, comments(version));
  }

  /**
   * The versions the caller may see, oldest first: all with their comments for the sponsor and
   * regulators, else the published ones.
   */
  public List<ResultsVersionView> visibleVersions(Caller caller, String registryId) {
    Trial trial = finder.visibleTrial(caller, registryId);
    boolean work = TrialAccess.seesWork(caller, trial);
    return versions(trial).stream()
        .filter(v -> work || v.getState() == VersionState.PUBLISHED)
        .map(v -> ResultsVersionView.of(v, work ? comments(v) : List.of()))
        .toList();
  }

  public ResultsVersionView visibleVersion(Caller caller, String registryId, int number) {
    return visibleVersions(caller, registryId).stream()
        .filter(v -> v.version() == number)
        .findFirst()
        .orElseThrow(
            () -> new NotFoundException("No results version " + number + " is visible to you"));
  }

  /** The newest published results, for everyone who may see the trial. */
  public Optional<ResultsVersionView> published(Caller caller, String registryId) {
    List<ResultsVersionView> published =
        visibleVersions(caller, registryId).stream()
            .filter(v -> v.state() == VersionState.PUBLISHED)
            .toList();
    return published.isEmpty()
        ? Optional.empty()
        : Optional.of(published.get(published.size() - 1));
  }

  /** A results version awaiting a regulator's decision. */
  public record Pending(String registryId, int version, Instant submittedAt, String submittedBy) {}

  /** Results versions under review, oldest first: regulators only. */
  public List<Pending> awaitingReview(Caller caller) {
    requireRegulator(caller);
    return em
        .createQuery(
            "SELECT v FROM ResultsVersion v WHERE v.state = :s ORDER BY v.submittedAt",
            ResultsVersion.class)
        .setParameter("s", VersionState.SUBMITTED)
        .getResultList()
        .stream()
        .map(
            v ->
                new Pending(
                    finder.trialById(v.getTrialId()).getRegistryId(),
                    v.getVersionNumber(),
                    v.getSubmittedAt(),
                    v.getSubmittedBy()))
        .toList();
  }

  private List<ResultsVersion> versions(Trial trial) {
    return em.createQuery(
            "SELECT v FROM ResultsVersion v WHERE v.trialId = :t ORDER BY v.versionNumber",
            ResultsVersion.class)
        .setParameter("t", trial.getId())
        .getResultList();
  }

  private List<ResultsComment> comments(ResultsVersion v) {
    return em.createQuery(
            "SELECT c FROM ResultsComment c WHERE c.resultsVersionId = :v ORDER BY c.id",
            ResultsComment.class)
        .setParameter("v", v.getId())
        .getResultList();
  }

  private ResultsVersion underReview(Trial trial, int number) {
    ResultsVersion version =
        versions(trial).stream()
            .filter(v -> v.getVersionNumber() == number)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("No results version " + number));
    if (version.getState() != VersionState.SUBMITTED)
      throw new RuleViolationException("Results version " + number + " is not under review");
    return version;
  }

  private RegistrationRecord registered(Trial trial) {
    return finder
        .publishedVersion(trial)
        .map(finder::recordOf)
        .orElseThrow(
            () ->
                new RuleViolationException(
                    "Results are reported on a published registration; publish it first"));
  }

  private static List<String> primaryOutcomes(RegistrationRecord r) {
    return r.primaryOutcomes().stream().map(RegistrationRecord.Outcome::measure).toList();
  }

  static void requireOwner(Caller caller, Trial trial) {
    if (!TrialAccess.ownsAsSponsor(caller, trial)) {
      if (TrialAccess.isPublic(trial) || caller.is(Role.REGULATOR))
        throw new AccessDeniedException("Only the sponsor's own staff report this trial's results");
      throw new NotFoundException("No trial " + trial.getRegistryId() + " is visible to you");
    }
  }

  private static void requireRegulator(Caller caller) {
    if (!caller.is(Role.REGULATOR))
      throw new AccessDeniedException("Only a regulator may review submitted results");
  }

  private void audit(
      Caller caller, String action, String registryId, String newValue, String reason) {
    audit.record(
        new AuditRecord(
            now(),
            caller.username(),
            caller.organisationId(),
            action,
            AUDIT_OBJECT,
            registryId,
            null,
            newValue,
            reason));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
