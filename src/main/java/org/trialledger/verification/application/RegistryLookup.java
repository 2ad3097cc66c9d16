package org.trialledger.verification.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialledger.anchoring.store.Anchor;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.merkle.ProofException;
import org.trialledger.ledger.merkle.ProofVerifier;
import org.trialledger.ledger.note.Checkpoint;
import org.trialledger.ledger.note.SignedNote;
import org.trialledger.log.application.CheckpointView;
import org.trialledger.log.application.LedgerLog;
import org.trialledger.log.application.LogSigner;
import org.trialledger.log.application.WitnessView;
import org.trialledger.log.store.CheckpointRow;
import org.trialledger.log.store.LedgerEntryRow;
import org.trialledger.registry.domain.InvalidRecordException;

/**
 * The public verification: a file's SHA-256 (computed in the browser), a leaf hash or a pasted
 * receipt → the entries that hold it, each with its inclusion proof checked against the latest
 * checkpoint, that checkpoint's signature checked against the log key, and the Bitcoin anchor that
 * dates it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RegistryLookup {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern LEAF_IN_JSON =
      Pattern.compile("\"leafHash\"\\s*:\\s*\"([0-9a-fA-F]{64})\"");

  @Inject private LedgerLog log;
  @Inject private LogSigner signer;
  @Inject private WitnessView witnesses;
  @Inject private ArtifactNames names;
  @Inject private AnchoredBundles anchors;

  /**
   * The hash a user gave: 64 hex digits (any case, spaces ignored), or the leaf hash inside a
   * pasted receipt.
   */
  public static String normalise(String input) {
    if (input == null || input.isBlank())
      throw InvalidRecordException.of(
          "hash", "Paste a SHA-256 (64 hexadecimal digits), a leaf hash or a receipt");
    Matcher receipt = LEAF_IN_JSON.matcher(input);
    if (receipt.find()) return receipt.group(1).toLowerCase(Locale.ROOT);
    String hex = input.replaceAll("\\s", "").toLowerCase(Locale.ROOT);
    if (hex.startsWith("sha256:")) hex = hex.substring(7);
    if (!HEX64.matcher(hex).matches())
      throw InvalidRecordException.of("hash", "Not a SHA-256: a hash is 64 hexadecimal digits");
    return hex;
  }

  public Lookup lookup(String input) {
    String hash = normalise(input);
    Map<Long, LedgerEntryRow> entries = new LinkedHashMap<>();
    for (LedgerEntryRow e : log.entriesByContentHash(hash)) entries.put(e.getId(), e);
    for (LedgerEntryRow e : log.entriesByLeafHash(hash)) entries.put(e.getId(), e);
    CheckpointRow latest = log.latestCheckpoint();
    Optional<Checkpoint> checkpoint = openCheckpoint(latest);
    List<Lookup.Match> matches = new ArrayList<>();
    for (LedgerEntryRow e : entries.values()) matches.add(match(e, latest, checkpoint));
    long witnessed = witnesses.summary().witnessedSize();
    return new Lookup(
        hash,
        !matches.isEmpty(),
        witnesses.cosigned(CheckpointView.of(latest)),
        matches,
        witnesses.configured(),
        witnessed,
        witnessed > 0 ? witnesses.cosignedBy(witnessed) : List.of());
  }

  private Optional<Checkpoint> openCheckpoint(CheckpointRow row) {
    try {
      return Optional.of(Checkpoint.open(row.getNote(), signer.verifier()));
    } catch (SignedNote.NoteException e) {
      return Optional.empty();
    }
  }

  private Lookup.Match match(
      LedgerEntryRow e, CheckpointRow latest, Optional<Checkpoint> checkpoint) {
    Long index = e.getLeafIndex();
    boolean included = false;
    String detail;
    if (index == null) {
      detail =
          "Queued: the entry gets its place in the log with the next checkpoint (within a second)";
    } else if (checkpoint.isEmpty()) {
      detail = "The latest checkpoint's signature does not verify against the log key";
    } else {
      try {
        List<Hash> proof = log.inclusionProof(index, latest.getTreeSize());
        ProofVerifier.verifyInclusion(
            index, latest.getTreeSize(), e.getLeafHash(), proof, checkpoint.get().root());
        included = true;
        detail =
            "Leaf "
                + index
                + " of "
                + latest.getTreeSize()
                + ": the "
                + proof.size()
                + "-hash inclusion proof leads to the signed root "
                + checkpoint.get().root();
      } catch (ProofException ex) {
        detail = "The inclusion proof does not lead to the signed root: " + ex.getMessage();
      }
    }
    Optional<Anchor> anchor = index == null ? Optional.empty() : anchors.anchorFor(index);
    return new Lookup.Match(
        names.describe(e),
        e.getArtifactType(),
        e.getArtifactId(),
        e.getArtifactVersion(),
        e.getContentKind(),
        e.getContentHash().hex(),
        e.getLeafHash().hex(),
        e.getQueuedAt().toString(),
        index,
        latest.getTreeSize(),
        included,
        detail,
        checkpoint.isPresent(),
        anchor.map(a -> a.getStatus().name()).orElse("NOT_ANCHORED"),
        anchor.map(Anchor::getBitcoinHeight).orElse(null),
        anchor
            .map(a -> a.getBitcoinTime() == null ? null : a.getBitcoinTime().toString())
            .orElse(null),
        anchor.map(Anchor::getTreeSize).orElse(null),
        "/api/proofs/" + e.getLeafHash().hex(),
        "/api/receipts/" + e.getLeafHash().hex());
  }
}
