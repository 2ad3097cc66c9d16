package org.trialledger.site.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.trialledger.audit.application.LedgeredAuditRecords;
import org.trialledger.audit.domain.LedgeredAuditRecord;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.json.Commitment;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.log.domain.ArtifactVerifier;
import org.trialledger.registry.application.DocumentBlobs;
import org.trialledger.site.domain.SiteStateReplay;
import org.trialledger.site.store.ConsentForm;
import org.trialledger.site.store.SiteCredential;
import org.trialledger.site.store.SiteRecord;
import org.trialledger.site.store.Subject;

/**
 * Lets the full ledger audit recompute the sites' commitments and consent-form hashes from what is
 * stored.
 */
public final class SiteArtifactVerifiers {
  private SiteArtifactVerifiers() {}

  static long idOf(String artifactId) {
    return Long.parseLong(artifactId.substring(artifactId.lastIndexOf('/') + 1));
  }

  /**
   * Consent events, results and adverse events: SHA-256(salt ‖ canonical record); erased ones are
   * reported as such.
   */
  abstract static class Records implements ArtifactVerifier {
    @PersistenceContext EntityManager em;
    @Inject LedgeredAuditRecords evidence;

    @Override
    public Optional<String> recomputeContentHash(String artifactId, int version) {
      SiteRecord r;
      try {
        r = em.find(SiteRecord.class, idOf(artifactId));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
      if (r == null) return Optional.empty();
      if (r.getSalt() == null || r.getRecordJson() == null) throw erasure(r);
      return Optional.of(
          Commitment.of(
                  Base64.getDecoder().decode(r.getSalt()), JsonParser.parse(r.getRecordJson()))
              .hex());
    }

    @Override
    public Stream<ArtifactVersion> storedVersions() {
      return em.createQuery(
              "SELECT t.registryId, r.id FROM SiteRecord r, Subject s, Trial t WHERE r.subjectId = s.id AND s.trialId = t.id"
                  + " AND r.kind = :k ORDER BY r.id",
              Object[].class)
          .setParameter("k", kind())
          .getResultStream()
          .map(row -> new ArtifactVersion(row[0] + "/site-records/" + row[1], 1));
    }

    abstract SiteRecord.Kind kind();

    private String registryIdOf(Subject s) {
      return em.createQuery("SELECT t.registryId FROM Trial t WHERE t.id = :i", String.class)
          .setParameter("i", s.getTrialId())
          .getSingleResult();
    }

    /**
     * A blanked record is erased by request only if its subject is marked erased and the log holds
     * the administrator's audit record of that erasure with the request's reference.
     */
    private RuntimeException erasure(SiteRecord r) {
      Subject s = em.find(Subject.class, r.getSubjectId());
      if (s == null)
        return new ErasedWithoutRequest(
            "content blanked, and subject " + r.getSubjectId() + " missing");
      boolean requested =
          evidence
              .of("TRIAL", registryIdOf(s), List.of(SiteStateReplay.Step.SUBJECT_ERASED.name()))
              .stream()
              .map(LedgeredAuditRecord::record)
              .anyMatch(
                  a ->
                      SiteStateReplay.isRequest(a.newValue(), a.reason())
                          && SiteStateReplay.namedSubject(a.newValue())
                              .orElseThrow()
                              .equals(s.getPseudonym()));
      if (s.getErasedAt() != null && requested) return new ErasedArtifact("erased on request");
      return new ErasedWithoutRequest(
          "content blanked; subject "
              + s.getPseudonym()
              + (s.getErasedAt() == null ? " not marked erased" : " marked erased")
              + (requested ? "" : ", no erasure request in the log"));
    }
  }

  @ApplicationScoped
  public static class Consents extends Records {
    @Override
    public String artifactType() {
      return SubjectRecords.CONSENT;
    }

    @Override
    SiteRecord.Kind kind() {
      return SiteRecord.Kind.CONSENT;
    }
  }

  @ApplicationScoped
  public static class Results extends Records {
    @Override
    public String artifactType() {
      return SubjectRecords.RESULT;
    }

    @Override
    SiteRecord.Kind kind() {
      return SiteRecord.Kind.RESULT;
    }
  }

  @ApplicationScoped
  public static class AdverseEvents extends Records {
    @Override
    public String artifactType() {
      return SubjectRecords.ADVERSE_EVENT;
    }

    @Override
    SiteRecord.Kind kind() {
      return SiteRecord.Kind.ADVERSE_EVENT;
    }
  }

  @ApplicationScoped
  public static class Dispositions extends Records {
    @Override
    public String artifactType() {
      return SubjectRecords.DISPOSITION;
    }

    @Override
    SiteRecord.Kind kind() {
      return SiteRecord.Kind.DISPOSITION;
    }
  }

  /** An investigator credential's hash is the SHA-256 of its stored PDF. */
  @ApplicationScoped
  public static class Credentials implements ArtifactVerifier {
    @PersistenceContext EntityManager em;
    @Inject DocumentBlobs blobs;

    @Override
    public String artifactType() {
      return SiteActivations.CREDENTIAL;
    }

    @Override
    public Optional<String> recomputeContentHash(String artifactId, int version) {
      SiteCredential c = em.find(SiteCredential.class, idOf(artifactId));
      if (c == null) return Optional.empty();
      return blobs.recomputeHash(c.getSha256());
    }

    @Override
    public Stream<ArtifactVersion> storedVersions() {
      return em.createQuery(
              "SELECT t.registryId, c.id FROM SiteCredential c, SiteActivation a, Trial t WHERE c.activationId = a.id"
                  + " AND a.trialId = t.id ORDER BY c.id",
              Object[].class)
          .getResultStream()
          .map(row -> new ArtifactVersion(row[0] + "/site-credentials/" + row[1], 1));
    }
  }

  /** A summary-results version's hash is the SHA-256 of its stored canonical JSON. */
  @ApplicationScoped
  public static class Summaries implements ArtifactVerifier {
    @PersistenceContext EntityManager em;

    @Override
    public String artifactType() {
      return SummaryPublication.ARTIFACT_TYPE;
    }

    @Override
    public Optional<String> recomputeContentHash(String registryId, int version) {
      return em.createQuery(
              "SELECT v.canonicalJson FROM SummaryResult v, Trial t WHERE v.trialId = t.id AND t.registryId = :r"
                  + " AND v.versionNumber = :n",
              String.class)
          .setParameter("r", registryId)
          .setParameter("n", version)
          .getResultStream()
          .findFirst()
          .map(json -> Hash.sha256(json.getBytes(StandardCharsets.UTF_8)).hex());
    }

    @Override
    public Stream<ArtifactVersion> storedVersions() {
      return em.createQuery(
              "SELECT t.registryId, v.versionNumber FROM SummaryResult v, Trial t WHERE v.trialId = t.id ORDER BY v.id",
              Object[].class)
          .getResultStream()
          .map(row -> new ArtifactVersion((String) row[0], ((Number) row[1]).intValue()));
    }
  }

  /** A consent form's hash is the SHA-256 of its stored PDF. */
  @ApplicationScoped
  public static class ConsentForms implements ArtifactVerifier {
    @PersistenceContext EntityManager em;
    @Inject DocumentBlobs blobs;

    @Override
    public String artifactType() {
      return SiteActivations.CONSENT_FORM;
    }

    @Override
    public Optional<String> recomputeContentHash(String artifactId, int version) {
      ConsentForm f = em.find(ConsentForm.class, idOf(artifactId));
      if (f == null) return Optional.empty();
      return blobs.recomputeHash(f.getSha256());
    }

    @Override
    public Stream<ArtifactVersion> storedVersions() {
      return em.createQuery(
              "SELECT t.registryId, f.id FROM ConsentForm f, Trial t WHERE f.trialId = t.id ORDER BY f.id",
              Object[].class)
          .getResultStream()
          .map(row -> new ArtifactVersion(row[0] + "/consent-forms/" + row[1], 1));
    }
  }
}
