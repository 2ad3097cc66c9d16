package org.trialledger.log.domain;

/**
 * One thing the full audit found wrong, precisely: what kind, where (artifact, leaf index or tree
 * size), which field, and the value expected against the value found.
 */
public record Discrepancy(Kind kind, String where, String field, String expected, String found) {
  public enum Kind {
    /** The stored artifact no longer hashes to the content hash in its entry. */
    ARTIFACT_CHANGED,
    /** An entry names an artifact that is not stored. */
    ARTIFACT_MISSING,
    /** A stored artifact has no ledger entry. */
    ENTRY_MISSING,
    /** The entry bytes do not encode the entry's fields. */
    ENTRY_CHANGED,
    /** The stored leaf hash is not the hash of the entry bytes. */
    LEAF_HASH_CHANGED,
    /** Leaf indices are not exactly 0 … size − 1. */
    INDEX_GAP,
    /** An index at or past the log head, or an entry that is neither queued nor a leaf, or both. */
    INDEX_OUT_OF_RANGE,
    /**
     * A stored tree node does not match the one recomputed from the leaves, or is missing or extra.
     */
    TREE_NODE_CHANGED,
    /** A root (the head's or a checkpoint's) does not match the one recomputed from the leaves. */
    ROOT_MISMATCH,
    /**
     * A checkpoint's signature does not verify with the log key, or its note disagrees with its
     * row.
     */
    CHECKPOINT_SIGNATURE,
    /** A consistency proof between successive checkpoints, from stored nodes, does not verify. */
    INCONSISTENT_CHECKPOINTS,
    /**
     * The log head is not the newest signed checkpoint: leaves or a root that no checkpoint signs
     * (an unsigned extension), or a newest checkpoint that does not verify under the log key.
     */
    UNSIGNED_HEAD,
    /**
     * Workflow state in a table (published version, status, withdrawal, activation, enrolment,
     * which subject owns a record) disagrees with the transitions the log holds.
     */
    STATE_MISMATCH,
    /**
     * A record blanked, or a subject marked erased, without an erasure request in the log (the
     * administrator's audit record with the request's reference).
     */
    ERASED_WITHOUT_REQUEST
  }

  @Override
  public String toString() {
    return kind
        + " at "
        + where
        + (field == null ? "" : " (" + field + ")")
        + ": expected "
        + expected
        + ", found "
        + found;
  }
}
