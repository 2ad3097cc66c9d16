package org.trialledger.ledger.bundle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.entry.LedgerEntry;
import org.trialledger.ledger.json.Commitment;
import org.trialledger.ledger.merkle.ProofException;
import org.trialledger.ledger.merkle.ProofVerifier;
import org.trialledger.ledger.merkle.TreeHasher;
import org.trialledger.ledger.note.Checkpoint;
import org.trialledger.ledger.note.NoteKey;
import org.trialledger.ledger.note.SignedNote;
import org.trialledger.ledger.witness.CosignerKey;

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
 *   <li>witnesses: the cosignature/v1 lines of the witnesses the verifier trusts, at least as many
 *       as it requires (an invalid line by one of them fails);
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
    return verify(b, file, pinnedKey, timestamps, requireAnchor, WitnessRequirement.none());
  }

  /**
   * @param witnesses the witnesses whose cosignatures on the checkpoint are checked, and how many
   *     of them must have cosigned it
   */
  public static VerificationReport verify(
      ProofBundle b,
      Optional<byte[]> file,
      Optional<String> pinnedKey,
      Optional<TimestampCheck> timestamps,
      boolean requireAnchor,
      WitnessRequirement witnesses) {
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
    String logNote;
    try {
      checkpoint = Checkpoint.open(b.checkpoint(), key);
      logNote = SignedNote.signedBy(b.checkpoint(), key);
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

    witnesses(b.checkpoint(), witnesses, r);
    timestamp(b, logNote, timestamps, requireAnchor, r);
    return r;
  }

  /**
   * The cosignature/v1 lines of the given witnesses on the checkpoint; lines by other keys are
   * ignored, as C2SP signed-note requires. A line by a given witness that does not verify is named
   * and does not count.
   */
  private static void witnesses(String note, WitnessRequirement required, VerificationReport r) {
    int lines = cosignatureLines(note);
    if (required.keys().isEmpty()) {
      if (lines > 0)
        r.skip(
            "witnesses",
            lines
                + " cosignature line(s) on the checkpoint, not checked (give --witness VKEY"
                + " for each witness you trust)");
      else r.skip("witnesses", "no witness cosigned the checkpoint, and none was required");
      return;
    }
    List<String> found = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    for (CosignerKey k : required.keys()) {
      String who = k.name() + "+" + k.keyIdHex();
      try {
        OptionalLong t = k.verifyIn(note);
        if (t.isPresent()) found.add(who + " at " + Instant.ofEpochSecond(t.getAsLong()));
        else missing.add(who);
      } catch (IllegalArgumentException e) {
        bad.add(who + " (" + e.getMessage() + ")");
      }
    }
    StringBuilder detail =
        new StringBuilder()
            .append(found.size())
            .append(" of ")
            .append(required.keys().size())
            .append(" witnesses cosigned, at least ")
            .append(required.minimum())
            .append(" required");
    if (!found.isEmpty()) detail.append("; cosigned by ").append(String.join(", ", found));
    if (!missing.isEmpty())
      detail.append("; no cosignature by ").append(String.join(", ", missing));
    if (!bad.isEmpty()) detail.append("; invalid cosignature by ").append(String.join(", ", bad));
    if (found.size() >= required.minimum() && bad.isEmpty()) r.pass("witnesses", detail.toString());
    else r.fail("witnesses", detail.toString());
  }

  private static int cosignatureLines(String note) {
    int split = note.lastIndexOf("\n\n");
    return split < 0 ? 0 : (int) note.substring(split + 2).lines().count() - 1;
  }

  private static void timestamp(
      ProofBundle b,
      String logNote,
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
          timestamps.get().check(logNote, b.otsBase64(), b.rfc3161Base64(), b.bitcoinHeaders());
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
