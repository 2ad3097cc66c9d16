package org.trialledger.ledger.bundle;

import java.util.Base64;
import java.util.Optional;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.entry.LedgerEntry;
import org.trialledger.ledger.json.Commitment;
import org.trialledger.ledger.merkle.ProofException;
import org.trialledger.ledger.merkle.ProofVerifier;
import org.trialledger.ledger.merkle.TreeHasher;
import org.trialledger.ledger.note.Checkpoint;
import org.trialledger.ledger.note.NoteKey;
import org.trialledger.ledger.note.SignedNote;

/**
 * Verifies a proof bundle offline, trusting nothing but the bundle, the optional file, and (when
 * given) a pinned log key. The steps, in order:
 *
 * <ol>
 *   <li>content: the file (or, for a commitment, salt ‖ canonical record) hashes to the bundle's
 *       content hash;
 *   <li>entry: the entry bytes decode and carry that content hash and kind;
 *   <li>log key: the bundle's key parses, and equals the pinned key; without a pin the report says
 *       so (UNPINNED), and the result can only be "holds", never "verified";
 *   <li>checkpoint signature: the checkpoint note is signed by that key;
 *   <li>checkpoint: its size is the bundle's tree size and its origin is the key's name;
 *   <li>inclusion: SHA-256(0x00 ‖ entry) is at the leaf index in that tree (RFC 9162);
 *   <li>consistency: each earlier checkpoint given is signed by the key and extended by this one;
 *   <li>timestamp: by the given {@link TimestampCheck}; not yet in Bitcoin is PENDING or
 *       UNCONFIRMED, a failure only when an anchor is required.
 * </ol>
 */
public final class BundleVerifier {
  private BundleVerifier() {}

  /**
   * @param file the artifact's bytes, or empty to check the bundle alone
   * @param pinnedKey the log's verifier key as the verifier obtained it independently, or empty
   */
  public static VerificationReport verify(
      ProofBundle b, Optional<byte[]> file, Optional<String> pinnedKey) {
    return verify(b, file, pinnedKey, Optional.empty());
  }

  /**
   * As {@link #verify(ProofBundle, Optional, Optional)}, with the checkpoint's timestamps checked
   * too.
   */
  public static VerificationReport verify(
      ProofBundle b,
      Optional<byte[]> file,
      Optional<String> pinnedKey,
      Optional<TimestampCheck> timestamps) {
    return verify(b, file, pinnedKey, timestamps, false);
  }

  /**
   * @param requireAnchor whether the timestamp step fails unless the timestamp reaches a Bitcoin
   *     block that the check confirmed
   */
  public static VerificationReport verify(
      ProofBundle b,
      Optional<byte[]> file,
      Optional<String> pinnedKey,
      Optional<TimestampCheck> timestamps,
      boolean requireAnchor) {
    VerificationReport r = new VerificationReport();
    content(b, file, r);

    LedgerEntry entry = null;
    try {
      entry = LedgerEntry.decode(b.entry());
      if (!entry.contentHash().equals(b.contentHash())) {
        r.fail(
            "entry",
            "the entry binds content "
                + entry.contentHash()
                + ", the bundle claims "
                + b.contentHash());
      } else if (!entry.kind().name().equals(b.contentKind())) {
        r.fail(
            "entry",
            "the entry is of kind " + entry.kind() + ", the bundle claims " + b.contentKind());
      } else {
        r.pass(
            "entry",
            entry.artifactType()
                + " "
                + entry.artifactId()
                + " v"
                + entry.version()
                + ", queued "
                + entry.queuedAt());
      }
    } catch (IllegalArgumentException e) {
      r.fail("entry", "malformed entry: " + e.getMessage());
    }

    NoteKey key;
    try {
      key = NoteKey.parseVerifier(b.logKey());
    } catch (IllegalArgumentException e) {
      r.fail("log key", "unreadable key: " + e.getMessage());
      return r;
    }
    if (pinnedKey.isPresent()) {
      if (pinnedKey.get().strip().equals(b.logKey()))
        r.pass("log key", "matches the pinned key " + key.keyIdHex());
      else
        r.fail(
            "log key",
            "the bundle's key " + b.logKey() + " is not the pinned key " + pinnedKey.get().strip());
    } else {
      r.add(
          "log key",
          VerificationReport.Outcome.UNPINNED,
          "the bundle names "
              + key.verifierKey()
              + "; not compared with a key you obtained yourself (--key or --key-file)");
    }

    Checkpoint checkpoint;
    try {
      checkpoint = Checkpoint.open(b.checkpoint(), key);
      r.pass("checkpoint signature", "signed by " + key.name() + "+" + key.keyIdHex());
    } catch (SignedNote.NoteException e) {
      r.fail("checkpoint signature", e.getMessage());
      return r;
    }
    if (checkpoint.size() != b.treeSize()) {
      r.fail(
          "checkpoint",
          "the checkpoint is for size "
              + checkpoint.size()
              + ", the proof for size "
              + b.treeSize());
    } else if (!checkpoint.origin().equals(key.name())) {
      r.fail(
          "checkpoint",
          "the checkpoint's origin "
              + checkpoint.origin()
              + " is not the key's name "
              + key.name());
    } else {
      r.pass(
          "checkpoint",
          checkpoint.origin() + ", size " + checkpoint.size() + ", root " + checkpoint.root());
    }

    try {
      Hash leaf = TreeHasher.leafHash(b.entry());
      ProofVerifier.verifyInclusion(
          b.leafIndex(), b.treeSize(), leaf, b.inclusionProof(), checkpoint.root());
      r.pass("inclusion", "leaf " + leaf + " is at index " + b.leafIndex() + " of " + b.treeSize());
    } catch (ProofException e) {
      r.fail("inclusion", e.getMessage());
    }

    if (b.consistency().isEmpty()) {
      r.skip("consistency", "no earlier checkpoint given");
    }
    for (ProofBundle.Consistency c : b.consistency()) {
      try {
        Checkpoint older = Checkpoint.open(c.checkpoint(), key);
        ProofVerifier.verifyConsistency(
            older.size(), checkpoint.size(), older.root(), checkpoint.root(), c.proof());
        r.pass("consistency", "size " + checkpoint.size() + " extends size " + older.size());
      } catch (SignedNote.NoteException | ProofException e) {
        r.fail("consistency", e.getMessage());
      }
    }

    timestamp(b, timestamps, requireAnchor, r);
    return r;
  }

  private static void timestamp(
      ProofBundle b,
      Optional<TimestampCheck> timestamps,
      boolean requireAnchor,
      VerificationReport r) {
    TimestampCheck.Result result;
    if (b.otsBase64() == null && b.rfc3161Base64() == null) {
      result =
          new TimestampCheck.Result(
              VerificationReport.Outcome.PENDING, "none yet: the checkpoint is not anchored");
    } else if (timestamps.isEmpty()) {
      result =
          new TimestampCheck.Result(
              VerificationReport.Outcome.UNCONFIRMED, "present, not checked by this verifier");
    } else {
      result =
          timestamps
              .get()
              .check(b.checkpoint(), b.otsBase64(), b.rfc3161Base64(), b.bitcoinHeaders());
    }
    if (requireAnchor && result.outcome() != VerificationReport.Outcome.PASS) {
      r.fail("timestamp", "a Bitcoin anchor is required; " + result.detail());
    } else {
      r.add("timestamp", result.outcome(), result.detail());
    }
  }

  private static void content(ProofBundle b, Optional<byte[]> file, VerificationReport r) {
    boolean commitment = "COMMITMENT".equals(b.contentKind());
    if (!commitment && !"HASH".equals(b.contentKind())) {
      r.fail("content", "unknown content kind " + b.contentKind());
      return;
    }
    byte[] salt = null;
    if (commitment && b.saltBase64() != null) {
      try {
        salt = Base64.getDecoder().decode(b.saltBase64());
      } catch (IllegalArgumentException e) {
        r.fail("content", "the salt is not base64");
        return;
      }
    }
    if (file.isPresent()) {
      Hash actual =
          commitment && salt != null ? Hash.sha256(salt, file.get()) : Hash.sha256(file.get());
      if (commitment && salt == null)
        r.fail("content", "a commitment needs its salt to check a file (erased on request?)");
      else if (actual.equals(b.contentHash())) r.pass("content", "the file hashes to " + actual);
      else r.fail("content", "the file hashes to " + actual + ", not " + b.contentHash());
    } else if (commitment && salt != null && b.record() != null) {
      try {
        Hash actual = Commitment.of(salt, b.record());
        if (actual.equals(b.contentHash()))
          r.pass("content", "salt ‖ canonical record commits to " + actual);
        else
          r.fail("content", "salt ‖ canonical record gives " + actual + ", not " + b.contentHash());
      } catch (IllegalArgumentException e) {
        r.fail("content", "the record cannot be canonicalised: " + e.getMessage());
      }
    } else {
      r.skip(
          "content", "no file given: the content hash " + b.contentHash() + " is taken as stated");
    }
  }
}
