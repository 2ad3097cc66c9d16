package org.trialledger.registry.application;

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
import java.util.Map;
import java.util.TreeMap;
import org.trialledger.audit.application.AuditTrail;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.log.application.LedgerRecorder;
import org.trialledger.platform.AccessDeniedException;
import org.trialledger.platform.RuleViolationException;
import org.trialledger.registry.domain.CommentSeverity;
import org.trialledger.registry.domain.DraftSalvage;
import org.trialledger.registry.domain.FieldError;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.registry.domain.RecordCodec;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.domain.RegistrationValidator;
import org.trialledger.registry.domain.RegistryId;
import org.trialledger.registry.domain.TrialStateReplay;
import org.trialledger.registry.domain.TrialStatus;
import org.trialledger.registry.domain.UnsavedInput;
import org.trialledger.registry.domain.VersionEnvelope;
import org.trialledger.registry.domain.VersionState;
import org.trialledger.registry.store.ReviewComment;
import org.trialledger.registry.store.SearchProjection;
import org.trialledger.registry.store.Trial;
import org.trialledger.registry.store.TrialDocument;
import org.trialledger.registry.store.TrialVersion;
import org.trialledger.security.application.Caller;
import org.trialledger.security.application.UserDirectory;
import org.trialledger.security.domain.Role;

/**
 * The registration workflow: draft → submitted → reviewed → published, amendments as new versions,
 * withdrawal. Every method is one transaction: a version and its ledger entry, a decision and its
 * audit record, commit together or not at all.
 */
@ApplicationScoped
public class TrialRegistry {
  public static final String VERSION_ARTIFACT = "PROTOCOL_VERSION";
  static final int REASON_MAX = 1000;

  /** Characters of refused form input kept beside a draft (the column holds 1,000,000). */
  static final int UNSAVED_MAX = 200_000;

  @PersistenceContext private EntityManager em;
  @Inject private LedgerRecorder ledger;
  @Inject private AuditTrail audit;
  @Inject private TrialFinder finder;
  @Inject private UserDirectory directory;
  @Inject private Clock clock;

  /** A new draft with a freshly issued registry id. Drafts may be incomplete but not malformed. */
  @Transactional
  public Trial createDraft(Caller caller, RegistrationRecord record) {
    if (!caller.is(Role.SPONSOR) || caller.organisationId() == null) {
      throw new AccessDeniedException("Only sponsor staff register trials");
    }
    requireValidDraft(record);
    long serial =
        ((Number) em.createNativeQuery("SELECT nextval('registry_id_seq')").getSingleResult())
            .longValue();
    String registryId = new RegistryId(serial).toString();
    Trial trial =
        new Trial(registryId, caller.organisationId(), draftJson(record), now(), caller.username());
    em.persist(trial);
    audit.trialEvent(caller, "TRIAL_CREATED", registryId, null, record.publicTitle(), null);
    return trial;
  }

  @Transactional
  public Trial updateDraft(Caller caller, String registryId, RegistrationRecord record) {
    Trial trial = finder.lockedTrial(registryId);
    TrialAccess.requireOwner(caller, trial);
    requireEditable(trial);
    requireValidDraft(record);
    trial.updateDraft(draftJson(record), now(), caller.username());
    return trial;
  }

  /**
   * Saves a draft from the registration form: what is valid is stored, each value the draft checks
   * refuse keeps what was stored before (DraftSalvage), and the refused text the user typed is kept
   * beside the draft, so that nothing typed is lost. Returns the refused values with the reasons.
   *
   * @param unreadable errors of values the form could not read (left out of {@code candidate})
   * @param typed the form's text by record path; those of refused paths are kept
   */
  @Transactional
  public List<FieldError> saveDraftForm(
      Caller caller,
      String registryId,
      RegistrationRecord candidate,
      List<FieldError> unreadable,
      Map<String, String> typed) {
    Trial trial = finder.lockedTrial(registryId);
    TrialAccess.requireOwner(caller, trial);
    requireEditable(trial);
    DraftSalvage.Result saved = DraftSalvage.salvage(candidate, unreadable, finder.draftOf(trial));
    trial.updateDraft(draftJson(saved.record()), now(), caller.username());
    Map<String, Object> unsaved = new TreeMap<>();
    int kept = 0;
    for (FieldError e : saved.refused()) {
      String text = UnsavedInput.textFor(typed, e.field());
      // what a form input can hold; more is not typed but posted, and is not kept
      if (text == null || kept + text.length() > UNSAVED_MAX) continue;
      unsaved.put(UnsavedInput.inputPath(typed.keySet(), e.field()), text);
      kept += text.length();
    }
    trial.keepUnsavedInput(unsaved.isEmpty() ? null : CanonicalJson.write(unsaved));
    return saved.refused();
  }

  /** What the form held that the draft refused, by record path (see {@link #saveDraftForm}). */
  public Map<String, String> unsavedInput(Caller caller, Trial trial) {
    if (!TrialAccess.ownsAsSponsor(caller, trial) || trial.getDraftUnsavedJson() == null)
      return Map.of();
    Map<String, String> out = new TreeMap<>();
    ((Map<?, ?>) JsonParser.parse(trial.getDraftUnsavedJson()))
        .forEach((k, v) -> out.put((String) k, (String) v));
    return out;
  }

  /**
   * Freezes the draft as the next version: checks it is publishable, binds the documents in force,
   * and enters the version's canonical JSON in the ledger.
   */
  @Transactional
  public TrialVersion submit(Caller caller, String registryId, String reason) {
    Trial trial = finder.lockedTrial(registryId);
    TrialAccess.requireOwner(caller, trial);
    requireEditable(trial);
    RegistrationRecord record = finder.draftOf(trial);
    List<FieldError> errors = RegistrationValidator.checkPublishable(record);
    if (!errors.isEmpty()) throw new InvalidRecordException(errors);
    List<TrialVersion> versions = finder.versions(trial);
    int number = versions.size() + 1;
    String why = reason == null ? "" : reason.strip();
    if (number == 1 && why.isEmpty()) why = "Initial registration";
    if (why.isEmpty())
      throw InvalidRecordException.of(
          "reason", "Say why the registration changes (the reason is published with the version)");
    if (why.length() > REASON_MAX)
      throw InvalidRecordException.of("reason", "At most " + REASON_MAX + " characters");
    if (!versions.isEmpty()
        && finder.recordOf(versions.get(versions.size() - 1)).equals(record)
        && sameDocuments(trial, versions.get(versions.size() - 1))) {
      throw new RuleViolationException(
          "Nothing has changed since version " + (number - 1) + ": edit the draft first");
    }
    List<TrialDocument> documents = finder.documentsInForce(trial);
    String sponsor =
        directory
            .findOrganisation(trial.getSponsorOrganisationId())
            .map(o -> o.getName())
            .orElse("");
    Instant now = now();
    VersionEnvelope envelope =
        new VersionEnvelope(
            registryId,
            number,
            sponsor,
            why,
            now,
            record,
            documents.stream()
                .map(
                    d ->
                        new VersionEnvelope.DocumentRef(
                            d.getKind().name(), d.getFileName(), d.getSha256(), d.getSizeBytes()))
                .toList());
    String canonical = envelope.canonicalJson();
    String contentHash = Hash.sha256(canonical.getBytes(StandardCharsets.UTF_8)).hex();
    var receipt = ledger.recordHash(VERSION_ARTIFACT, registryId, number, contentHash);
    TrialVersion version =
        new TrialVersion(
            trial.getId(),
            number,
            canonical,
            contentHash,
            why,
            now,
            caller.username(),
            receipt.leafHash());
    em.persist(version);
    em.flush();
    for (TrialDocument d : documents) {
      if (d.getVersionId() == null) d.bindTo(version.getId());
    }
    audit.trialEvent(
        caller, "VERSION_SUBMITTED", registryId, null, TrialStateReplay.versionText(number), why);
    return version;
  }

  @Transactional
  public ReviewComment comment(
      Caller caller, String registryId, int versionNumber, CommentSeverity severity, String body) {
    TrialAccess.requireRegulator(caller);
    Trial trial = finder.lockedTrial(registryId);
    TrialVersion version = finder.version(trial, versionNumber);
    if (version.getState() != VersionState.SUBMITTED)
      throw new RuleViolationException("Version " + versionNumber + " is not under review");
    if (severity == null) throw InvalidRecordException.of("severity", "Choose major or advisory");
    String text = body == null ? "" : body.strip();
    if (text.isEmpty()) throw InvalidRecordException.of("body", "Write the comment");
    if (text.length() > 4000) throw InvalidRecordException.of("body", "At most 4000 characters");
    ReviewComment comment =
        new ReviewComment(version.getId(), severity, text, caller.username(), now());
    em.persist(comment);
    audit.trialEvent(
        caller,
        "REVIEW_COMMENT",
        registryId,
        null,
        "version " + versionNumber + ": " + severity.name(),
        text);
    return comment;
  }

  /** Publishes a version under review; refused while it has major comments. */
  @Transactional
  public TrialVersion publish(Caller caller, String registryId, int versionNumber) {
    TrialAccess.requireRegulator(caller);
    Trial trial = finder.lockedTrial(registryId);
    TrialVersion version = finder.version(trial, versionNumber);
    if (version.getState() != VersionState.SUBMITTED)
      throw new RuleViolationException("Version " + versionNumber + " is not under review");
    if (trial.getStatus() == TrialStatus.WITHDRAWN)
      throw new RuleViolationException("The trial was withdrawn");
    long major =
        finder.comments(version).stream()
            .filter(c -> c.getSeverity() == CommentSeverity.MAJOR)
            .count();
    if (major > 0) {
      throw new RuleViolationException(
          "Version "
              + versionNumber
              + " has "
              + major
              + " major comment(s): return it to the sponsor instead");
    }
    Instant now = now();
    version.decide(VersionState.PUBLISHED, caller.username(), now);
    RegistrationRecord record = finder.recordOf(version);
    trial.publish(versionNumber, SearchProjection.of(record), now);
    audit.trialEvent(
        caller,
        "VERSION_PUBLISHED",
        registryId,
        null,
        TrialStateReplay.versionText(versionNumber),
        null);
    return version;
  }

  /** Sends a version back to the sponsor; needs at least one major comment saying what to fix. */
  @Transactional
  public TrialVersion returnToSponsor(Caller caller, String registryId, int versionNumber) {
    TrialAccess.requireRegulator(caller);
    Trial trial = finder.lockedTrial(registryId);
    TrialVersion version = finder.version(trial, versionNumber);
    if (version.getState() != VersionState.SUBMITTED)
      throw new RuleViolationException("Version " + versionNumber + " is not under review");
    if (finder.comments(version).stream()
        .noneMatch(c -> c.getSeverity() == CommentSeverity.MAJOR)) {
      throw new RuleViolationException(
          "Add a major comment saying what the sponsor must change before returning the version");
    }
    version.decide(VersionState.RETURNED, caller.username(), now());
    audit.trialEvent(
        caller,
        "VERSION_RETURNED",
        registryId,
        null,
        TrialStateReplay.versionText(versionNumber),
        null);
    return version;
  }

  /** Withdraws a published registration; every version stays public. */
  @Transactional
  public Trial withdraw(Caller caller, String registryId, String reason) {
    Trial trial = finder.lockedTrial(registryId);
    TrialAccess.requireOwner(caller, trial);
    if (trial.getStatus() != TrialStatus.PUBLISHED)
      throw new RuleViolationException("Only a published trial can be withdrawn");
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty())
      throw InvalidRecordException.of(
          "reason", "Say why the trial is withdrawn (the reason is published)");
    if (why.length() > REASON_MAX)
      throw InvalidRecordException.of("reason", "At most " + REASON_MAX + " characters");
    trial.withdraw(why, now());
    audit.trialEvent(
        caller,
        "TRIAL_WITHDRAWN",
        registryId,
        TrialStatus.PUBLISHED.name(),
        TrialStatus.WITHDRAWN.name(),
        why);
    return trial;
  }

  private boolean sameDocuments(Trial trial, TrialVersion last) {
    List<String> now =
        finder.documentsInForce(trial).stream().map(TrialDocument::getSha256).sorted().toList();
    List<String> then =
        VersionEnvelope.parse(last.getCanonicalJson()).documents().stream()
            .map(VersionEnvelope.DocumentRef::sha256)
            .sorted()
            .toList();
    return now.equals(then);
  }

  void requireEditable(Trial trial) {
    if (trial.getStatus() == TrialStatus.WITHDRAWN)
      throw new RuleViolationException("The trial was withdrawn; it can no longer change");
    if (finder.underReview(trial).isPresent()) {
      throw new RuleViolationException(
          "A version is under review; the draft can change again once the review is decided");
    }
  }

  private static void requireValidDraft(RegistrationRecord record) {
    List<FieldError> errors = RegistrationValidator.checkDraft(record);
    if (!errors.isEmpty()) throw new InvalidRecordException(errors);
  }

  static String draftJson(RegistrationRecord record) {
    String json = CanonicalJson.write(RecordCodec.encode(record));
    if (json.length() > 1_000_000)
      throw InvalidRecordException.of("record", "The registration is larger than 1 MB of text");
    return json;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
