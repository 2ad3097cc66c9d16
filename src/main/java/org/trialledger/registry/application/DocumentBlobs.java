package org.trialledger.registry.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trialledger.ledger.Hash;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.registry.domain.PdfDocument;
import org.trialledger.registry.store.DocumentBlob;

/**
 * The content-addressed store of uploaded PDFs (protocol documents, consent forms, investigator
 * credentials): checked as PDFs within the size limit, stored once per SHA-256.
 */
@ApplicationScoped
public class DocumentBlobs {
  @PersistenceContext private EntityManager em;

  @Inject
  @ConfigProperty(name = "trialledger.registry.max-document-mb", defaultValue = "50")
  private int maxDocumentMegabytes;

  public long maxBytes() {
    return maxDocumentMegabytes * 1024L * 1024L;
  }

  /** Checks and stores a PDF in the caller's transaction; returns its SHA-256 (hex). */
  @Transactional(Transactional.TxType.MANDATORY)
  public String storePdf(byte[] pdf) {
    Optional<String> problem = PdfDocument.problem(pdf, maxBytes());
    if (problem.isPresent()) throw InvalidRecordException.of("file", problem.get());
    String sha256 = Hash.sha256(pdf).hex();
    if (em.find(DocumentBlob.class, sha256) == null) em.persist(new DocumentBlob(sha256, pdf));
    return sha256;
  }

  public byte[] content(String sha256) {
    return em.find(DocumentBlob.class, sha256).getContent();
  }

  /**
   * The SHA-256 of the bytes stored under this hash (not the key itself, which could be edited),
   * for the full audit.
   */
  public Optional<String> recomputeHash(String sha256) {
    DocumentBlob blob = em.find(DocumentBlob.class, sha256);
    return blob == null ? Optional.empty() : Optional.of(Hash.sha256(blob.getContent()).hex());
  }
}
