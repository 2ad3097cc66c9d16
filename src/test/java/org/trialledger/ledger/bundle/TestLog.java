package org.trialledger.ledger.bundle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.entry.LedgerEntry;
import org.trialledger.ledger.merkle.InMemoryNodeStore;
import org.trialledger.ledger.merkle.MerkleTree;
import org.trialledger.ledger.note.Checkpoint;
import org.trialledger.ledger.note.NoteKey;

/** A small signed log in memory, to make real bundles in tests. */
public final class TestLog {
  public static final NoteKey KEY =
      NoteKey.signer(
          "test.example/log",
          new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
            25, 26, 27, 28, 29, 30, 31, 32
          });

  private final NoteKey key;
  public final List<byte[]> files = new ArrayList<>();
  public final List<LedgerEntry> entries = new ArrayList<>();
  private final InMemoryNodeStore store = new InMemoryNodeStore();
  private final MerkleTree tree = new MerkleTree(store);

  public TestLog(int size) {
    this(size, KEY);
  }

  /** The same log signed with another key: what someone forging bundles would make. */
  public TestLog(int size, NoteKey key) {
    this.key = key;
    for (int i = 0; i < size; i++) {
      byte[] file = ("protocol document " + i).getBytes();
      files.add(file);
      LedgerEntry e =
          new LedgerEntry(
              LedgerEntry.Kind.HASH,
              "DOCUMENT",
              "doc-" + i,
              1,
              Hash.sha256(file),
              Instant.parse("2026-11-24T00:00:00Z").plusSeconds(i));
      entries.add(e);
      store.put(tree.append(i, List.of(e.leafHash())).newNodes());
    }
  }

  public String checkpoint(long size) {
    return new Checkpoint(key.name(), size, tree.root(size)).sign(key);
  }

  public ProofBundle bundle(int index) {
    long size = entries.size();
    List<ProofBundle.Consistency> consistency = new ArrayList<>();
    if (index + 1 < size)
      consistency.add(
          new ProofBundle.Consistency(
              checkpoint(index + 1), tree.consistencyProof(index + 1, size)));
    return new ProofBundle(
        "HASH",
        entries.get(index).contentHash(),
        null,
        null,
        entries.get(index).encode(),
        index,
        size,
        tree.inclusionProof(index, size),
        checkpoint(size),
        key.verifierKey(),
        consistency,
        null,
        null);
  }

  public static Optional<String> pinned() {
    return Optional.of(KEY.verifierKey());
  }
}
