package org.trialledger.log.domain;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Implemented by each context that records artifacts, so that the full audit can recompute content
 * hashes from what is stored, without the ledger knowing any artifact's shape.
 */
public interface ArtifactVerifier {
  /** The artifact type this verifier answers for, as recorded in ledger entries. */
  String artifactType();

  /**
   * The content hash (or commitment) recomputed from the stored artifact, or empty if the artifact
   * no longer exists. {@link ErasedArtifact} if it was erased on request (crypto-shredding), which
   * is not tampering; {@link ErasedWithoutRequest} if its content is gone without such a request.
   */
  Optional<String> recomputeContentHash(String artifactId, int version);

  /** Every stored artifact version of this type, to find artifacts that have no ledger entry. */
  Stream<ArtifactVersion> storedVersions();

  /** An artifact id and version. */
  record ArtifactVersion(String artifactId, int version) {}

  /**
   * Thrown by {@link #recomputeContentHash} for an artifact whose content is gone without an
   * erasure request to account for it: a finding, not an erasure.
   */
  final class ErasedWithoutRequest extends RuntimeException {
    public ErasedWithoutRequest(String message) {
      super(message, null, false, false);
    }
  }

  /** Thrown by {@link #recomputeContentHash} for an artifact erased on request. */
  final class ErasedArtifact extends RuntimeException {
    public ErasedArtifact(String message) {
      super(message, null, false, false);
    }
  }
}
