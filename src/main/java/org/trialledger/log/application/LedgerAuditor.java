package org.trialledger.log.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.entry.LedgerEntry;
import org.trialledger.ledger.merkle.CompactRange;
import org.trialledger.ledger.merkle.MerkleTree;
import org.trialledger.ledger.merkle.NodeId;
import org.trialledger.ledger.merkle.ProofException;
import org.trialledger.ledger.merkle.ProofVerifier;
import org.trialledger.ledger.merkle.TreeHasher;
import org.trialledger.ledger.note.Checkpoint;
import org.trialledger.ledger.note.NoteKey;
import org.trialledger.ledger.note.SignedNote;
import org.trialledger.log.domain.ArtifactVerifier;
import org.trialledger.log.domain.Discrepancy;
import org.trialledger.log.domain.SignedHead;
import org.trialledger.log.store.CheckpointRow;
import org.trialledger.log.store.JpaNodeStore;
import org.trialledger.log.store.LeafScan;
import org.trialledger.log.store.LedgerEntryRow;
import org.trialledger.log.store.LogHead;
import org.trialledger.platform.DataSourceConfiguration;

/**
 * The full audit: trusts nothing stored. It recomputes every artifact's content hash from the
 * artifact, every entry's bytes from its fields, every leaf hash from the entry bytes, every tree
 * node and root from the leaves in index order, checks that indices run 0 … size − 1 without a gap,
 * that every checkpoint is signed by the log key and matches the recomputed root, and that
 * successive checkpoints are consistent through the stored nodes, and that the head is the newest
 * signed checkpoint (no unsigned extension). Reads in pages, in O(log n) memory for the tree.
 */
@ApplicationScoped
public class LedgerAuditor {
  /** Leaves whose completed inner nodes are compared with the stored ones in one query. */
  private static final int PAGE = 8_192;

  @PersistenceContext private EntityManager em;

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  private DataSource dataSource;

  @Inject private LogSigner signer;
  @Inject private Instance<ArtifactVerifier> verifiers;
  @Inject private RegistryStateAudit registryState;

  /** One audit's state, passed from phase to phase. */
  private static final class Run {
    final AuditProgress progress;
    final Map<String, ArtifactVerifier> byType = new HashMap<>();
    final Set<String> recorded = new HashSet<>();
    final Set<String> storedArtifacts = new HashSet<>();
    final Map<Long, Hash> rootsAtCheckpoints = new LinkedHashMap<>();
    final CompactRange recomputed = new CompactRange();
    LogHead head;
    List<CheckpointRow> allCheckpoints;
    List<CheckpointRow> checkpoints;
    long currentSize;

    Run(AuditProgress progress) {
      this.progress = progress;
    }
  }

  public void audit(AuditProgress progress) {
    Run run = begin(progress);
    progress.phase("entries, leaves and tree");
    checkLeavesAndTree(run);
    checkWhatCameAfterTheHead(run);
    progress.phase("checkpoints");
    checkCheckpoints(run);
    checkHeadIsSigned(run);
    progress.phase("artifacts without entries");
    checkArtifactsWithoutEntries(run);
    registryState.audit(progress);
  }

  /**
   * Reads the head first: the audit judges the tree it describes, and what was written later
   * belongs to the next audit.
   */
  private Run begin(AuditProgress progress) {
    Run run = new Run(progress);
    for (ArtifactVerifier v : verifiers) run.byType.put(v.artifactType(), v);
    run.head = em.find(LogHead.class, LogHead.ID);
    // checkpoints signed after the head was read belong to the next audit (the integrator may be
    // running)
    run.allCheckpoints =
        em.createNamedQuery("CheckpointRow.all", CheckpointRow.class).getResultList();
    run.checkpoints =
        run.allCheckpoints.stream().filter(c -> c.getTreeSize() <= run.head.getTreeSize()).toList();
    long entries =
        em.createQuery("SELECT COUNT(e) FROM LedgerEntryRow e", Long.class).getSingleResult();
    long nodes = em.createQuery("SELECT COUNT(n) FROM TreeNode n", Long.class).getSingleResult();
    progress.total(entries + nodes + 2L * run.checkpoints.size());
    for (CheckpointRow c : run.checkpoints) run.rootsAtCheckpoints.put(c.getTreeSize(), null);
    if (run.rootsAtCheckpoints.containsKey(0L))
      run.rootsAtCheckpoints.put(0L, run.recomputed.root());
    // read after the head: an artifact commits with its entry, so every entry in the audited tree
    // names an artifact in this set, spelt exactly as its context writes it
    for (ArtifactVerifier v : run.byType.values()) {
      v.storedVersions()
          .forEach(
              a -> run.storedArtifacts.add(key(v.artifactType(), a.artifactId(), a.version())));
    }
    return run;
  }

  /**
   * Every entry in index order: its artifact, bytes and leaf; the tree rebuilt from the leaves
   * against the stored nodes. One streaming read of the leaves (bounded by the head read at the
   * start: leaves integrated while the audit runs belong to the next audit), each row checked from
   * its columns and bytes as they arrive; the stored nodes compared every {@value #PAGE} leaves.
   */
  private void checkLeavesAndTree(Run run) {
    AuditProgress progress = run.progress;
    CompactRange recomputed = run.recomputed;
    long expectedIndex = 0;
    Map<NodeId, Hash> pageNodes = new HashMap<>();
    int inPage = 0;
    try (LeafScan scan = new LeafScan(dataSource, run.head.getTreeSize())) {
      for (LeafScan.Leaf row = scan.next(); row != null; row = scan.next()) {
        long index = row.index();
        if (index != expectedIndex) {
          progress.found(
              new Discrepancy(
                  Discrepancy.Kind.INDEX_GAP,
                  "leaf index " + expectedIndex,
                  "leaf_index",
                  "leaves " + expectedIndex + "…" + (index - 1),
                  index > expectedIndex ? "missing" : "duplicate index " + index));
        }
        Stored stored = Stored.of(row);
        Hash leaf = checkEntry(stored, run.byType, run.storedArtifacts, progress);
        // only types with a verifier are looked up again (artifacts without entries)
        if (run.byType.containsKey(row.artifactType()))
          run.recorded.add(key(row.artifactType(), row.artifactId(), row.artifactVersion()));
        while (recomputed.size() < index) {
          // a gap: keep positions aligned so later leaves are still checked where they claim to be
          recomputed.append(TreeHasher.EMPTY_ROOT, (id, h) -> {});
        }
        if (recomputed.size() == index) {
          recomputed.append(
              leaf,
              (id, h) -> {
                if (id.level() > 0)
                  pageNodes.put(id, h); // leaves were checked above, against their entries
              });
          if (run.rootsAtCheckpoints.containsKey(recomputed.size()))
            run.rootsAtCheckpoints.put(recomputed.size(), recomputed.root());
        }
        expectedIndex = Math.max(expectedIndex, index + 1);
        if (++inPage == PAGE) {
          compareNodes(pageNodes, scan.innerNodes(pageNodes.keySet()), progress);
          progress.advance(inPage + pageNodes.size());
          pageNodes.clear();
          inPage = 0;
        }
      }
      compareNodes(pageNodes, scan.innerNodes(pageNodes.keySet()), progress);
      progress.advance(inPage + pageNodes.size());
    }
    if (expectedIndex != run.head.getTreeSize()) {
      progress.found(
          new Discrepancy(
              Discrepancy.Kind.INDEX_GAP,
              "log head",
              "tree_size",
              String.valueOf(expectedIndex) + " leaves stored",
              String.valueOf(run.head.getTreeSize())));
    }
  }

  /**
   * What was written since the head was read: entries beyond it, and all nodes now. The head read
   * after them covers everything they saw, so anything beyond it belongs to no tree at all. Then
   * the head's root.
   */
  private void checkWhatCameAfterTheHead(Run run) {
    AuditProgress progress = run.progress;
    long size = run.head.getTreeSize();
    List<LedgerEntryRow> beyond =
        em.createQuery(
                "SELECT e FROM LedgerEntryRow e WHERE e.leafIndex IS NULL OR e.leafIndex >= :size ORDER BY e.id",
                LedgerEntryRow.class)
            .setParameter("size", size)
            .getResultList();
    long allNodes = em.createQuery("SELECT COUNT(n) FROM TreeNode n", Long.class).getSingleResult();
    run.currentSize =
        em.createQuery("SELECT h.treeSize FROM LogHead h", Long.class).getSingleResult();
    checkBeyond(beyond, run.currentSize, run.byType, run.recorded, progress);
    checkQueue(progress);
    checkNodeCount(nodesWithin(size), size, progress);
    long stray = allNodes - nodesWithin(run.currentSize);
    if (stray > 0) {
      progress.found(
          new Discrepancy(
              Discrepancy.Kind.TREE_NODE_CHANGED,
              "tree nodes",
              "count",
              "no node outside the tree of " + run.currentSize,
              stray + " stray node(s)"));
    }
    Hash headRoot = run.recomputed.size() == size ? run.recomputed.root() : null;
    if (headRoot != null && !headRoot.equals(run.head.getRootHash())) {
      progress.found(
          new Discrepancy(
              Discrepancy.Kind.ROOT_MISMATCH,
              "log head",
              "root_hash",
              headRoot.hex(),
              run.head.getRootHash().hex()));
    }
  }

  /**
   * Each checkpoint within the head against the recomputed root; none may claim more than the log
   * holds.
   */
  private void checkCheckpoints(Run run) {
    checkCheckpoints(run.checkpoints, run.rootsAtCheckpoints, run.progress);
    for (CheckpointRow later : run.allCheckpoints) {
      if (later.getTreeSize() > run.currentSize) {
        run.progress.found(
            new Discrepancy(
                Discrepancy.Kind.ROOT_MISMATCH,
                "checkpoint of size " + later.getTreeSize(),
                "tree_size",
                "at most the log size " + run.currentSize,
                String.valueOf(later.getTreeSize())));
      }
    }
  }

  /**
   * The head read at the start against the newest checkpoint within it: the integrator moves both
   * in one transaction, so any difference is a tree that nobody signed.
   */
  private void checkHeadIsSigned(Run run) {
    SignedHead.StoredCheckpoint newest =
        run.checkpoints.isEmpty()
            ? null
            : new SignedHead.StoredCheckpoint(
                run.checkpoints.get(run.checkpoints.size() - 1).getTreeSize(),
                run.checkpoints.get(run.checkpoints.size() - 1).getNote());
    SignedHead.check(run.head.getTreeSize(), run.head.getRootHash(), newest, signer.verifier())
        .ifPresent(run.progress::found);
  }

  /** Every stored artifact version must have its entry. */
  private void checkArtifactsWithoutEntries(Run run) {
    for (ArtifactVerifier v : run.byType.values()) {
      v.storedVersions()
          .forEach(
              a -> {
                if (!run.recorded.contains(key(v.artifactType(), a.artifactId(), a.version()))
                    && !entryExistsNow(v.artifactType(), a)) {
                  run.progress.found(
                      new Discrepancy(
                          Discrepancy.Kind.ENTRY_MISSING,
                          v.artifactType() + " " + a.artifactId() + " v" + a.version(),
                          null,
                          "a ledger entry",
                          "none"));
                }
              });
    }
  }

  /**
   * Stored inner nodes inside a tree of {@code size} leaves (nodes integrated since the audit began
   * are not counted).
   */
  private long nodesWithin(long size) {
    long count = 0;
    for (short level = 1; level < 63 && (size >> level) > 0; level++) {
      count +=
          em.createQuery(
                  "SELECT COUNT(n) FROM TreeNode n WHERE n.key.level = :l AND n.key.nodeIndex < :max",
                  Long.class)
              .setParameter("l", level)
              .setParameter("max", size >> level)
              .getSingleResult();
    }
    return count;
  }

  /**
   * An artifact written while the audit ran has its entry committed with it: look once more before
   * calling it missing.
   */
  private boolean entryExistsNow(String type, ArtifactVerifier.ArtifactVersion a) {
    return em.createQuery(
                "SELECT COUNT(e) FROM LedgerEntryRow e WHERE e.artifactType = :t AND e.artifactId = :i AND e.artifactVersion = :v",
                Long.class)
            .setParameter("t", type)
            .setParameter("i", a.artifactId())
            .setParameter("v", a.version())
            .getSingleResult()
        > 0;
  }

  /**
   * An entry row as the audit reads it: from the leaf scan, or an entity for the few rows beyond
   * the audited tree.
   */
  private record Stored(
      long id,
      Long leafIndex,
      String type,
      String artifactId,
      int version,
      String kind,
      Hash contentHash,
      Instant queuedAt,
      byte[] bytes,
      Hash leafHash) {
    static Stored of(LeafScan.Leaf l) {
      return new Stored(
          l.entryId(),
          l.index(),
          l.artifactType(),
          l.artifactId(),
          l.artifactVersion(),
          l.contentKind(),
          Hash.ofHex(l.contentHash().trim()),
          l.queuedAt(),
          l.entryBytes(),
          Hash.ofHex(l.leafHash().trim()));
    }

    static Stored of(LedgerEntryRow r) {
      return new Stored(
          r.getId(),
          r.getLeafIndex(),
          r.getArtifactType(),
          r.getArtifactId(),
          r.getArtifactVersion(),
          r.getContentKind(),
          r.getContentHash(),
          r.getQueuedAt(),
          r.getEntryBytes(),
          r.getLeafHash());
    }

    /** Where a finding is, named only when there is one. */
    String where() {
      return "entry "
          + id
          + (leafIndex == null ? " (queued)" : " at leaf " + leafIndex)
          + " ("
          + type
          + " "
          + artifactId
          + " v"
          + version
          + ")";
    }
  }

  /**
   * Checks one entry row against its fields and its artifact; returns the leaf hash its bytes
   * imply. Fields are compared as values; their text is built only for a finding.
   */
  private Hash checkEntry(
      Stored row,
      Map<String, ArtifactVerifier> byType,
      Set<String> storedArtifacts,
      AuditProgress progress) {
    byte[] bytes = row.bytes();
    Hash leaf = TreeHasher.leafHash(bytes);
    if (!leaf.equals(row.leafHash())) {
      progress.found(
          new Discrepancy(
              Discrepancy.Kind.LEAF_HASH_CHANGED,
              row.where(),
              "leaf_hash",
              leaf.hex(),
              row.leafHash().hex()));
    }
    try {
      LedgerEntry e = LedgerEntry.decode(bytes);
      if (!e.artifactType().equals(row.type()))
        mismatch(row, "artifact_type", e.artifactType(), row.type(), progress);
      if (!e.artifactId().equals(row.artifactId()))
        mismatch(row, "artifact_id", e.artifactId(), row.artifactId(), progress);
      if (e.version() != row.version())
        mismatch(
            row,
            "artifact_version",
            String.valueOf(e.version()),
            String.valueOf(row.version()),
            progress);
      if (!e.kind().name().equals(row.kind()))
        mismatch(row, "content_kind", e.kind().name(), row.kind(), progress);
      if (!e.contentHash().equals(row.contentHash()))
        mismatch(row, "content_hash", e.contentHash().hex(), row.contentHash().hex(), progress);
      if (!e.queuedAt().equals(row.queuedAt()))
        mismatch(
            row, "queued_at", e.queuedAt().toString(), String.valueOf(row.queuedAt()), progress);
    } catch (IllegalArgumentException malformed) {
      progress.found(
          new Discrepancy(
              Discrepancy.Kind.ENTRY_CHANGED,
              row.where(),
              "entry_bytes",
              "a well-formed entry",
              malformed.getMessage()));
    }
    ArtifactVerifier verifier = byType.get(row.type());
    if (verifier != null) {
      try {
        Optional<String> actual = verifier.recomputeContentHash(row.artifactId(), row.version());
        if (actual.isEmpty()) {
          progress.found(
              new Discrepancy(
                  Discrepancy.Kind.ARTIFACT_MISSING,
                  row.where(),
                  null,
                  "the stored artifact",
                  "none"));
        } else if (!actual.get().equals(row.contentHash().hex())) {
          progress.found(
              new Discrepancy(
                  Discrepancy.Kind.ARTIFACT_CHANGED,
                  row.where(),
                  "content",
                  row.contentHash().hex(),
                  actual.get()));
        } else if (storedArtifacts != null
            && !storedArtifacts.contains(key(row.type(), row.artifactId(), row.version()))) {
          // "TLR-…/documents/042" finds document 42 too: a second entry under another spelling
          // would pass the content check, so the id must be the artifact's own
          progress.found(
              new Discrepancy(
                  Discrepancy.Kind.ARTIFACT_MISSING,
                  row.where(),
                  "artifact_id",
                  "an artifact stored under exactly this id and version",
                  "only one under another spelling"));
        }
      } catch (ArtifactVerifier.ErasedArtifact erased) {
        // erased on request: its leaf stays in the log, its content is gone by design
        progress.erased();
      } catch (ArtifactVerifier.ErasedWithoutRequest blanked) {
        progress.found(
            new Discrepancy(
                Discrepancy.Kind.ERASED_WITHOUT_REQUEST,
                row.where(),
                "content",
                "the artifact, or an erasure request for it",
                blanked.getMessage()));
      }
    }
    return leaf;
  }

  /** Entries beyond the audited tree: still queued, or integrated since the audit read the head. */
  private void checkBeyond(
      List<LedgerEntryRow> queued,
      long currentSize,
      Map<String, ArtifactVerifier> byType,
      Set<String> recorded,
      AuditProgress progress) {
    for (LedgerEntryRow row : queued) {
      if (row.getLeafIndex() != null && row.getLeafIndex() >= currentSize) {
        // not even the head as it is now covers it: a leaf nobody integrated
        progress.found(
            new Discrepancy(
                Discrepancy.Kind.INDEX_OUT_OF_RANGE,
                "leaf index " + row.getLeafIndex(),
                "leaf_index",
                "below the log size " + currentSize,
                String.valueOf(row.getLeafIndex())));
      }
      checkEntry(Stored.of(row), byType, null, progress); // their artifacts may be newer
      recorded.add(key(row.getArtifactType(), row.getArtifactId(), row.getArtifactVersion()));
    }
    progress.advance(queued.size());
  }

  /**
   * Every entry is either queued or a leaf, never both and never neither: an entry taken off the
   * queue without a leaf would silently never be logged, and one queued again after its leaf would
   * stall (or, unchecked, duplicate) integration. Each question is one statement, so it reads one
   * snapshot: the integrator deletes a queue row in the transaction that appends its leaf.
   */
  private void checkQueue(AuditProgress progress) {
    for (LedgerEntryRow row :
        em.createQuery(
                "SELECT e FROM LedgerEntryRow e WHERE e.leafIndex IS NULL AND NOT EXISTS"
                    + " (SELECT q FROM LedgerQueue q WHERE q.entryId = e.id) ORDER BY e.id",
                LedgerEntryRow.class)
            .getResultList()) {
      progress.found(
          new Discrepancy(
              Discrepancy.Kind.INDEX_OUT_OF_RANGE,
              "entry " + row.getId(),
              "leaf_index",
              "a leaf index, or a place in the queue",
              "neither"));
    }
    for (LedgerEntryRow row :
        em.createQuery(
                "SELECT e FROM LedgerEntryRow e WHERE e.leafIndex IS NOT NULL AND EXISTS"
                    + " (SELECT q FROM LedgerQueue q WHERE q.entryId = e.id) ORDER BY e.id",
                LedgerEntryRow.class)
            .getResultList()) {
      progress.found(
          new Discrepancy(
              Discrepancy.Kind.INDEX_OUT_OF_RANGE,
              "entry " + row.getId(),
              "ledger_queue",
              "off the queue (integrated at leaf " + row.getLeafIndex() + ")",
              "queued again"));
    }
  }

  private static void compareNodes(
      Map<NodeId, Hash> expected, Map<NodeId, Hash> stored, AuditProgress progress) {
    expected.forEach(
        (id, hash) -> {
          Hash found = stored.get(id);
          if (!hash.equals(found)) {
            progress.found(
                new Discrepancy(
                    Discrepancy.Kind.TREE_NODE_CHANGED,
                    "tree node level " + id.level() + " index " + id.index(),
                    "hash",
                    hash.hex(),
                    found == null ? "missing" : found.hex()));
          }
        });
  }

  private static void checkNodeCount(long stored, long size, AuditProgress progress) {
    long expected = 0;
    for (long n = size >> 1; n > 0; n >>= 1)
      expected += n; // inner nodes only: level 0 lives in ledger_entry
    if (stored != expected) {
      progress.found(
          new Discrepancy(
              Discrepancy.Kind.TREE_NODE_CHANGED,
              "tree nodes",
              "count",
              expected + " nodes for " + size + " leaves",
              String.valueOf(stored)));
    }
  }

  private void checkCheckpoints(
      List<CheckpointRow> checkpoints, Map<Long, Hash> recomputedRoots, AuditProgress progress) {
    NoteKey key = signer.verifier();
    MerkleTree tree = new MerkleTree(new JpaNodeStore(em));
    Checkpoint previous = null;
    for (CheckpointRow row : checkpoints) {
      String where = "checkpoint of size " + row.getTreeSize();
      Checkpoint signed = null;
      try {
        signed = Checkpoint.open(row.getNote(), key);
      } catch (SignedNote.NoteException e) {
        progress.found(
            new Discrepancy(
                Discrepancy.Kind.CHECKPOINT_SIGNATURE,
                where,
                "note",
                "signed by " + key.verifierKey(),
                e.getMessage()));
      }
      if (signed != null) {
        if (signed.size() != row.getTreeSize()
            || !signed.root().equals(row.getRootHash())
            || !signed.origin().equals(signer.origin())) {
          progress.found(
              new Discrepancy(
                  Discrepancy.Kind.CHECKPOINT_SIGNATURE,
                  where,
                  "tree_size/root_hash/origin",
                  signed.origin() + " " + signed.size() + " " + signed.root().hex(),
                  signer.origin() + " " + row.getTreeSize() + " " + row.getRootHash().hex()));
        }
        Hash recomputed = recomputedRoots.get(row.getTreeSize());
        if (recomputed != null && !recomputed.equals(signed.root())) {
          progress.found(
              new Discrepancy(
                  Discrepancy.Kind.ROOT_MISMATCH,
                  where,
                  "root",
                  recomputed.hex(),
                  signed.root().hex()));
        } else if (recomputed == null) {
          progress.found(
              new Discrepancy(
                  Discrepancy.Kind.ROOT_MISMATCH,
                  where,
                  "root",
                  "a tree of " + row.getTreeSize() + " leaves",
                  "the leaves do not reach that size"));
        }
      }
      progress.advance(1);
      if (signed != null && previous != null && previous.size() > 0) {
        try {
          List<Hash> proof = tree.consistencyProof(previous.size(), signed.size());
          ProofVerifier.verifyConsistency(
              previous.size(), signed.size(), previous.root(), signed.root(), proof);
        } catch (ProofException | RuntimeException e) {
          progress.found(
              new Discrepancy(
                  Discrepancy.Kind.INCONSISTENT_CHECKPOINTS,
                  "checkpoints " + previous.size() + " → " + signed.size(),
                  null,
                  "a valid consistency proof",
                  e.getMessage()));
        }
      }
      progress.advance(1);
      if (signed != null) previous = signed;
    }
  }

  private static void mismatch(
      Stored row, String field, String fromEntry, String stored, AuditProgress progress) {
    progress.found(
        new Discrepancy(Discrepancy.Kind.ENTRY_CHANGED, row.where(), field, fromEntry, stored));
  }

  private static String key(String type, String id, int version) {
    return type + "\u0000" + id + "\u0000" + version;
  }
}
