package org.trialledger.log.application;

import java.io.Serializable;
import java.time.Instant;
import java.util.HexFormat;
import org.trialledger.log.store.LedgerEntryRow;

/**
 * The state of an entry: {@code QUEUED} until the integrator gives it a leaf, then {@code INCLUDED}
 * with its index and the first checkpoint that covers it.
 */
public record ReceiptView(
    String status,
    String artifactType,
    String artifactId,
    int artifactVersion,
    String contentKind,
    String contentHash,
    String entryHex,
    String leafHash,
    Instant queuedAt,
    Long leafIndex,
    Instant integratedAt,
    Long checkpointSize)
    implements Serializable {
  public static ReceiptView of(LedgerEntryRow e, Long checkpointSize) {
    return new ReceiptView(
        e.getLeafIndex() == null ? "QUEUED" : "INCLUDED",
        e.getArtifactType(),
        e.getArtifactId(),
        e.getArtifactVersion(),
        e.getContentKind(),
        e.getContentHash().hex(),
        HexFormat.of().formatHex(e.getEntryBytes()),
        e.getLeafHash().hex(),
        e.getQueuedAt(),
        e.getLeafIndex(),
        e.getIntegratedAt(),
        checkpointSize);
  }
}
