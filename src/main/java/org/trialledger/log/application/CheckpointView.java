package org.trialledger.log.application;

import java.io.Serializable;
import java.time.Instant;
import org.trialledger.log.store.CheckpointRow;

/** A published checkpoint: tree size, root and the signed note. */
public record CheckpointView(long treeSize, String rootHash, Instant createdAt, String note)
    implements Serializable {
  public static CheckpointView of(CheckpointRow c) {
    return new CheckpointView(
        c.getTreeSize(), c.getRootHash().hex(), c.getCreatedAt(), c.getNote());
  }
}
