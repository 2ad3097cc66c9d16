package org.trialledger.ledger.witness;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.merkle.InMemoryNodeStore;
import org.trialledger.ledger.merkle.MerkleTree;
import org.trialledger.ledger.merkle.TreeHasher;
import org.trialledger.ledger.note.Checkpoint;
import org.trialledger.ledger.note.NoteKey;

/**
 * A signed log in memory for witness tests. Entries are named by a tag: {@code grow(5,
 * "main").grow(3, "fork")} shares five entries with a log grown with "main" only and differs
 * afterwards, as a rewritten history would.
 */
public final class LogFixture {
  public static final NoteKey KEY = NoteKey.signer("registry.example/log", seed(7));

  private final NoteKey key;
  private final InMemoryNodeStore store = new InMemoryNodeStore();
  private final MerkleTree tree = new MerkleTree(store);
  private long size;

  public LogFixture(NoteKey key) {
    this.key = key;
  }

  public LogFixture() {
    this(KEY);
  }

  public static byte[] seed(int b) {
    byte[] s = new byte[32];
    Arrays.fill(s, (byte) b);
    return s;
  }

  public LogFixture grow(long n, String tag) {
    for (long i = 0; i < n; i++) {
      Hash leaf = TreeHasher.leafHash((tag + " entry " + size).getBytes(StandardCharsets.UTF_8));
      store.put(tree.append(size, List.of(leaf)).newNodes());
      size++;
    }
    return this;
  }

  public long size() {
    return size;
  }

  public Hash root(long at) {
    return tree.root(at);
  }

  public String checkpoint(long at) {
    return new Checkpoint(key.name(), at, tree.root(at)).sign(key);
  }

  public List<Hash> proof(long from, long to) {
    return from == 0 || from == to ? List.of() : tree.consistencyProof(from, to);
  }

  /** The request a log sends to move a witness from {@code from} to {@code to}. */
  public AddCheckpointRequest request(long from, long to) {
    return new AddCheckpointRequest(from, proof(from, to), checkpoint(to));
  }
}
