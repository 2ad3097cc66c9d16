package org.trialledger.registry.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.platform.AccessDeniedException;
import org.trialledger.platform.NotFoundException;
import org.trialledger.platform.PublicReads;
import org.trialledger.registry.domain.RecordCodec;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.domain.VersionEnvelope;
import org.trialledger.registry.domain.VersionState;
import org.trialledger.registry.store.ReviewComment;
import org.trialledger.registry.store.Trial;
import org.trialledger.registry.store.TrialDocument;
import org.trialledger.registry.store.TrialVersion;
import org.trialledger.security.application.Caller;
import org.trialledger.security.application.UserDirectory;
import org.trialledger.security.domain.Role;

/**
 * Reads trials, versions, documents and comments, applying {@link TrialAccess} where a caller is
 * given. What the public may see (a published trial, its versions, comments and documents) is read
 * where {@link PublicReads} says, the replica for anonymous visitors; a trial not there yet is
 * looked up on the primary. Everything a write reads or locks is the primary's.
 */
@ApplicationScoped
public class TrialFinder {
  @Inject private UserDirectory directory;
  @PersistenceContext private EntityManager em;
  @Inject private PublicReads reads;

  private EntityManager em() {
    return reads.entityManager(em);
  }

  public Trial lockedTrial(String registryId) {
    Trial trial = trial(em, registryId);
    em.lock(trial, LockModeType.PESSIMISTIC_WRITE);
    return trial;
  }

  Trial trial(String registryId) {
    return trial(em, registryId);
  }

  private static Trial trial(EntityManager em, String registryId) {
    return em.createQuery("SELECT t FROM Trial t WHERE t.registryId = :id", Trial.class)
        .setParameter("id", registryId == null ? "" : registryId.strip().toUpperCase(Locale.ROOT))
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> TrialAccess.notFound(registryId));
  }

  /** The trial if the caller may see it at all; else not found. */
  public Trial visibleTrial(Caller caller, String registryId) {
    return reads.read(
        () -> {
          Trial trial = trial(em(), registryId);
          TrialAccess.requireVisible(caller, trial);
          return trial;
        });
  }

  /** The sponsor's working copy, for its own staff and regulators. */
  public RegistrationRecord draft(Caller caller, Trial trial) {
    if (!TrialAccess.seesWork(caller, trial)) throw TrialAccess.notFound(trial.getRegistryId());
    return draftOf(trial);
  }

  RegistrationRecord draftOf(Trial trial) {
    return RecordCodec.decode(JsonParser.parse(trial.getDraftJson()), RegistrationRecord.class);
  }

  List<TrialVersion> versions(Trial trial) {
    return em().createQuery(
            "SELECT v FROM TrialVersion v WHERE v.trialId = :t ORDER BY v.versionNumber",
            TrialVersion.class)
        .setParameter("t", trial.getId())
        .getResultList();
  }

  /** Every version for the sponsor and regulators; only published versions for everyone else. */
  public List<TrialVersion> visibleVersions(Caller caller, Trial trial) {
    List<TrialVersion> all = versions(trial);
    if (TrialAccess.seesWork(caller, trial)) return all;
    return all.stream().filter(v -> v.getState() == VersionState.PUBLISHED).toList();
  }

  public TrialVersion visibleVersion(Caller caller, Trial trial, int number) {
    TrialVersion v = version(trial, number);
    if (v.getState() != VersionState.PUBLISHED && !TrialAccess.seesWork(caller, trial)) {
      throw new NotFoundException(
          "Version " + number + " of " + trial.getRegistryId() + " is not published");
    }
    return v;
  }

  TrialVersion version(Trial trial, int number) {
    return em().createQuery(
            "SELECT v FROM TrialVersion v WHERE v.trialId = :t AND v.versionNumber = :n",
            TrialVersion.class)
        .setParameter("t", trial.getId())
        .setParameter("n", number)
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () ->
                new NotFoundException(
                    "There is no version " + number + " of " + trial.getRegistryId()));
  }

  /** The published version's record, if any version was published. */
  public Optional<TrialVersion> publishedVersion(Trial trial) {
    return trial.getPublishedVersion() == null
        ? Optional.empty()
        : Optional.of(version(trial, trial.getPublishedVersion()));
  }

  public RegistrationRecord recordOf(TrialVersion version) {
    return VersionEnvelope.parse(version.getCanonicalJson()).record();
  }

  public Optional<TrialVersion> underReview(Trial trial) {
    return versions(trial).stream().filter(v -> v.getState() == VersionState.SUBMITTED).findFirst();
  }

  public List<ReviewComment> comments(TrialVersion version) {
    return em().createQuery(
            "SELECT c FROM ReviewComment c WHERE c.versionId = :v ORDER BY c.id",
            ReviewComment.class)
        .setParameter("v", version.getId())
        .getResultList();
  }

  /** Review comments, for the sponsor's staff and regulators only. */
  public List<ReviewComment> visibleComments(Caller caller, Trial trial, TrialVersion version) {
    return TrialAccess.seesWork(caller, trial) ? comments(version) : List.of();
  }

  /** Documents not removed: what the next submitted version will list. */
  List<TrialDocument> documentsInForce(Trial trial) {
    return em().createQuery(
            "SELECT d FROM TrialDocument d WHERE d.trialId = :t AND d.removedAt IS NULL ORDER BY d.id",
            TrialDocument.class)
        .setParameter("t", trial.getId())
        .getResultList();
  }

  /**
   * Every document of the trial the caller may see: all of them for its sponsor and regulators,
   * else the published ones.
   */
  public List<TrialDocument> visibleDocuments(Caller caller, Trial trial) {
    List<TrialDocument> all =
        em().createQuery(
                "SELECT d FROM TrialDocument d WHERE d.trialId = :t ORDER BY d.id",
                TrialDocument.class)
            .setParameter("t", trial.getId())
            .getResultList();
    if (TrialAccess.seesWork(caller, trial)) return all;
    List<String> published = publishedDocumentHashes(trial);
    return all.stream().filter(d -> published.contains(d.getSha256())).toList();
  }

  public TrialDocument visibleDocument(Caller caller, Trial trial, long documentId) {
    return visibleDocuments(caller, trial).stream()
        .filter(d -> d.getId() == documentId)
        .findFirst()
        .orElseThrow(
            () ->
                new NotFoundException(
                    "No document "
                        + documentId
                        + " of "
                        + trial.getRegistryId()
                        + " is visible to you"));
  }

  private List<String> publishedDocumentHashes(Trial trial) {
    return versions(trial).stream()
        .filter(v -> v.getState() == VersionState.PUBLISHED)
        .flatMap(v -> VersionEnvelope.parse(v.getCanonicalJson()).documents().stream())
        .map(VersionEnvelope.DocumentRef::sha256)
        .distinct()
        .toList();
  }

  /** The sponsor organisation's own trials, newest first. */
  public List<Trial> ownTrials(Caller caller) {
    if (caller.organisationId() == null) return List.of();
    return em().createQuery(
            "SELECT t FROM Trial t WHERE t.sponsorOrganisationId = :o ORDER BY t.id DESC",
            Trial.class)
        .setParameter("o", caller.organisationId())
        .getResultList();
  }

  /** The regulator's queue: versions awaiting review, oldest first. */
  public List<TrialVersion> awaitingReview() {
    return em().createQuery(
            "SELECT v FROM TrialVersion v WHERE v.state = :s ORDER BY v.submittedAt",
            TrialVersion.class)
        .setParameter("s", VersionState.SUBMITTED)
        .getResultList();
  }

  /** Every trial whatever its state, newest first: for regulators only. */
  public List<Trial> allTrials(Caller caller) {
    if (!caller.is(Role.REGULATOR)) throw new AccessDeniedException("For regulators only");
    return em().createQuery("SELECT t FROM Trial t ORDER BY t.id DESC", Trial.class)
        .setMaxResults(5000)
        .getResultList();
  }

  /**
   * Every trial whatever its state, newest first, with its title and sponsor (regulators only),
   * narrowed to those whose registry id, title or sponsor contains {@code filter} (any case).
   */
  public List<WorkspaceTrial> workspace(Caller caller, String filter) {
    List<Trial> all = allTrials(caller);
    Map<Long, String> sponsors = new HashMap<>();
    directory.organisations().forEach(o -> sponsors.put(o.getId(), o.getName()));
    String wanted =
        filter == null || filter.isBlank() ? null : filter.strip().toLowerCase(Locale.ROOT);
    List<WorkspaceTrial> out = new ArrayList<>();
    for (Trial t : all) {
      String title = t.getPublicTitle() != null ? t.getPublicTitle() : draftTitle(t);
      String sponsor = sponsors.get(t.getSponsorOrganisationId());
      if (wanted != null
          && !contains(t.getRegistryId(), wanted)
          && !contains(title, wanted)
          && !contains(sponsor, wanted)) continue;
      out.add(
          new WorkspaceTrial(
              t.getRegistryId(), title, sponsor, t.getStatus().name(), t.getPublishedVersion()));
    }
    return out;
  }

  private static boolean contains(String s, String wanted) {
    return s != null && s.toLowerCase(Locale.ROOT).contains(wanted);
  }

  private static String draftTitle(Trial t) {
    try {
      Object title = ((Map<?, ?>) JsonParser.parse(t.getDraftJson())).get("publicTitle");
      return title instanceof String s ? s : null;
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  public Trial trialById(long id) {
    return em().find(Trial.class, id);
  }
}
