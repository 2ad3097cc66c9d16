package org.trialledger.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.stream.Stream;
import org.trialledger.audit.store.AuditEvent;
import org.trialledger.log.domain.ArtifactVerifier;

/** Recomputes audit records' hashes from the stored rows for the full audit. */
@ApplicationScoped
public class AuditEventVerifier implements ArtifactVerifier {
  @PersistenceContext private EntityManager em;

  @Override
  public String artifactType() {
    return AuditTrail.ARTIFACT_TYPE;
  }

  @Override
  public Optional<String> recomputeContentHash(String artifactId, int version) {
    long id;
    try {
      id = Long.parseLong(artifactId);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(AuditEvent.class, id))
        .map(e -> AuditRecordHash.of(e.getSalt(), e.toRecord()));
  }

  @Override
  public Stream<ArtifactVersion> storedVersions() {
    return em
        .createQuery("SELECT e.id FROM AuditEvent e ORDER BY e.id", Long.class)
        .getResultList()
        .stream()
        .map(id -> new ArtifactVersion(String.valueOf(id), 1));
  }
}
