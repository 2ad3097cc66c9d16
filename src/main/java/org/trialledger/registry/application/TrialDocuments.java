package org.trialledger.registry.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.trialledger.audit.application.AuditTrail;
import org.trialledger.audit.domain.AuditRecord;
import org.trialledger.log.application.LedgerRecorder;
import org.trialledger.platform.RuleViolationException;
import org.trialledger.registry.domain.DocumentKind;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.registry.domain.PdfDocument;
import org.trialledger.registry.store.Trial;
import org.trialledger.registry.store.TrialDocument;
import org.trialledger.security.application.Caller;

/**
 * Documents of a trial: PDF only, size-checked, stored once per content hash, each upload a ledger
 * entry (the SHA-256 of its bytes) in the same transaction as its row.
 */
@ApplicationScoped
public class TrialDocuments {
  public static final String ARTIFACT_TYPE = "DOCUMENT";

  @PersistenceContext private EntityManager em;
  @Inject private TrialFinder finder;
  @Inject private TrialRegistry registry;
  @Inject private LedgerRecorder ledger;
  @Inject private AuditTrail audit;
  @Inject private Clock clock;

  @Inject private DocumentBlobs blobs;

  public long maxBytes() {
    return blobs.maxBytes();
  }

  @Transactional
  public TrialDocument upload(
      Caller caller, String registryId, DocumentKind kind, String fileName, byte[] bytes) {
    Trial trial = finder.lockedTrial(registryId);
    TrialAccess.requireOwner(caller, trial);
    registry.requireEditable(trial);
    if (kind == null)
      throw InvalidRecordException.of("kind", "Choose what kind of document this is");
    String sha256 = blobs.storePdf(bytes);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    TrialDocument document =
        new TrialDocument(
            trial.getId(),
            kind,
            PdfDocument.safeFileName(fileName),
            sha256,
            bytes.length,
            now,
            caller.username());
    em.persist(document);
    em.flush(); // the id names the ledger entry
    document.recordedAs(
        ledger.recordHash(ARTIFACT_TYPE, artifactId(trial, document), 1, sha256).leafHash());
    audit.record(
        new AuditRecord(
            now,
            caller.username(),
            caller.organisationId(),
            "DOCUMENT_UPLOADED",
            "TRIAL",
            registryId,
            null,
            document.getFileName() + " sha256:" + sha256,
            null));
    return document;
  }

  /**
   * Takes an upload out of the next versions; versions that listed it keep it (and it stays
   * downloadable there).
   */
  @Transactional
  public void remove(Caller caller, String registryId, long documentId) {
    Trial trial = finder.lockedTrial(registryId);
    TrialAccess.requireOwner(caller, trial);
    registry.requireEditable(trial);
    TrialDocument document = finder.visibleDocument(caller, trial, documentId);
    if (document.getRemovedAt() != null)
      throw new RuleViolationException("The document was already removed");
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    document.remove(now);
    audit.record(
        new AuditRecord(
            now,
            caller.username(),
            caller.organisationId(),
            "DOCUMENT_REMOVED",
            "TRIAL",
            registryId,
            document.getFileName() + " sha256:" + document.getSha256(),
            null,
            null));
  }

  /** A document as a file: its bytes, name and SHA-256. */
  public record DocumentFile(byte[] content, String fileName, String sha256) {}

  /**
   * A document of a trial, if the caller may see both (published ones are public); else not found.
   */
  public DocumentFile file(Caller caller, String registryId, long documentId) {
    Trial trial = finder.visibleTrial(caller, registryId);
    TrialDocument document = finder.visibleDocument(caller, trial, documentId);
    return new DocumentFile(content(document), document.getFileName(), document.getSha256());
  }

  /** The bytes of a document the caller may see. */
  public byte[] content(TrialDocument document) {
    return blobs.content(document.getSha256());
  }

  static String artifactId(Trial trial, TrialDocument document) {
    return trial.getRegistryId() + "/documents/" + document.getId();
  }
}
