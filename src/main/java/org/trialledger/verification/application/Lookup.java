package org.trialledger.verification.application;

import java.util.List;

/**
 * The answer to "does the registry hold this?": for each ledger entry with this content or leaf
 * hash, what it is, where it is in the log, and what was checked on the way to the latest signed
 * checkpoint and Bitcoin; and what the log's witnesses cosigned: the largest size at least the
 * quorum cosigned (0 if none, or no witness configured) and who cosigned it.
 */
public record Lookup(
    String hash,
    boolean registered,
    String checkpoint,
    List<Match> matches,
    boolean witnessesConfigured,
    long witnessedSize,
    List<String> witnessedBy) {

  /** One entry and the checks made for it. */
  public record Match(
      String artifact,
      String artifactType,
      String artifactId,
      int artifactVersion,
      String contentKind,
      String contentHash,
      String leafHash,
      String queuedAt,
      Long leafIndex,
      Long treeSize,
      boolean inclusionVerified,
      String inclusionDetail,
      boolean checkpointSignatureVerified,
      String anchorStatus,
      Long bitcoinHeight,
      String bitcoinTime,
      Long anchoredTreeSize,
      String bundleUrl,
      String receiptUrl) {}
}
