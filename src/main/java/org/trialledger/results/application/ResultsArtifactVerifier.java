package org.trialledger.results.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.trialledger.ledger.Hash;
import org.trialledger.log.domain.ArtifactVerifier;

/**
 * Lets the full ledger audit recompute a results version's content hash: the SHA-256 of its stored
 * canonical JSON.
 */
@ApplicationScoped
public class ResultsArtifactVerifier implements ArtifactVerifier {
  @PersistenceContext private EntityManager em;

  @Override
  public String artifactType() {
    return TrialResults.ARTIFACT;
  }

  @Override
  public Optional<String> recomputeContentHash(String registryId, int version) {
    return em.createQuery(
            "SELECT v.canonicalJson FROM ResultsVersion v, Trial t WHERE v.trialId = t.id AND t.registryId = :r AND v.versionNumber = :n",
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
            "SELECT t.registryId, v.versionNumber FROM ResultsVersion v, Trial t WHERE v.trialId = t.id ORDER BY v.id",
            Object[].class)
        .getResultStream()
        .map(row -> new ArtifactVersion((String) row[0], ((Number) row[1]).intValue()));
  }
}
