package org.trialledger.registry.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.trialledger.ledger.Hash;
import org.trialledger.log.domain.ArtifactVerifier;
import org.trialledger.registry.store.TrialDocument;

/** Lets the full ledger audit recompute the registry's content hashes from what is stored. */
public final class RegistryArtifactVerifiers {
  private RegistryArtifactVerifiers() {}

  /** A version's hash is the SHA-256 of its stored canonical JSON. */
  @ApplicationScoped
  public static class Versions implements ArtifactVerifier {
    @PersistenceContext private EntityManager em;

    @Override
    public String artifactType() {
      return TrialRegistry.VERSION_ARTIFACT;
    }

    @Override
    public Optional<String> recomputeContentHash(String registryId, int version) {
      return em.createQuery(
              "SELECT v.canonicalJson FROM TrialVersion v, Trial t WHERE v.trialId = t.id AND t.registryId = :r AND v.versionNumber = :n",
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
              "SELECT t.registryId, v.versionNumber FROM TrialVersion v, Trial t WHERE v.trialId = t.id ORDER BY v.id",
              Object[].class)
          .getResultStream()
          .map(row -> new ArtifactVersion((String) row[0], ((Number) row[1]).intValue()));
    }
  }

  /**
   * A document's hash is the SHA-256 of the stored bytes (not of the hash column, which could be
   * edited).
   */
  @ApplicationScoped
  public static class Documents implements ArtifactVerifier {
    @PersistenceContext private EntityManager em;
    @Inject private DocumentBlobs blobs;

    @Override
    public String artifactType() {
      return TrialDocuments.ARTIFACT_TYPE;
    }

    @Override
    public Optional<String> recomputeContentHash(String artifactId, int version) {
      long id;
      try {
        id = Long.parseLong(artifactId.substring(artifactId.lastIndexOf('/') + 1));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      TrialDocument document = em.find(TrialDocument.class, id);
      if (document == null) return Optional.empty();
      return blobs.recomputeHash(document.getSha256());
    }

    @Override
    public Stream<ArtifactVersion> storedVersions() {
      return em.createQuery(
              "SELECT t.registryId, d.id FROM TrialDocument d, Trial t WHERE d.trialId = t.id ORDER BY d.id",
              Object[].class)
          .getResultStream()
          .map(row -> new ArtifactVersion(row[0] + "/documents/" + row[1], 1));
    }
  }
}
