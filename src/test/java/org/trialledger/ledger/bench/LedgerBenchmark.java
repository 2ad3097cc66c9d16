package org.trialledger.ledger.bench;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.merkle.CompactRange;
import org.trialledger.ledger.merkle.InMemoryNodeStore;
import org.trialledger.ledger.merkle.MerkleTree;
import org.trialledger.ledger.merkle.ProofException;
import org.trialledger.ledger.merkle.ProofVerifier;
import org.trialledger.ledger.merkle.TreeHasher;

/**
 * The ledger core's costs, with raw SHA-256 over 64-byte inputs as the baseline of the same run:
 * appending leaf hashes, and proofs from stored subtrees in trees of 1M and 10M leaves
 * (docs/benchmarks.md).
 */
public class LedgerBenchmark {

  /** Raw SHA-256 of 64 bytes, the unit of work every node costs. */
  @State(Scope.Thread)
  public static class Digest {
    final MessageDigest md = Hash.newDigest();
    final byte[] input = new byte[64];
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public byte[] sha256Baseline64Bytes(Digest d) {
    d.input[0]++;
    return d.md.digest(d.input);
  }

  /**
   * A growing tree's frontier; each call appends one leaf hash (about one node hash on average).
   */
  @State(Scope.Thread)
  public static class Appender {
    CompactRange range;
    Hash leaf;

    @Setup(Level.Iteration)
    public void reset() {
      range = new CompactRange();
      leaf = TreeHasher.leafHash(new byte[] {1});
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public void appendLeafHash(Appender a, Blackhole bh) {
    a.range.append(a.leaf, (id, h) -> bh.consume(h));
  }

  /** A stored tree of {@code size} leaves. */
  @State(Scope.Benchmark)
  public static class StoredTree {
    @Param({"1000000", "10000000"})
    public long size;

    MerkleTree tree;
    Hash root;
    final SplittableRandom random = new SplittableRandom(42);
    long index;

    @Setup(Level.Trial)
    public void build() {
      InMemoryNodeStore store = new InMemoryNodeStore();
      CompactRange range = new CompactRange();
      ByteBuffer entry = ByteBuffer.allocate(8);
      for (long i = 0; i < size; i++) {
        entry.clear();
        entry.putLong(i);
        range.append(TreeHasher.leafHash(entry.array()), store::put);
      }
      tree = new MerkleTree(store);
      root = range.root();
    }

    @Setup(Level.Invocation)
    public void pick() {
      index = random.nextLong(size);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public List<Hash> inclusionProof(StoredTree t) {
    return t.tree.inclusionProof(t.index, t.size);
  }

  /** A proof to verify, made once per trial. */
  @State(Scope.Benchmark)
  public static class ProofToVerify {
    long index;
    List<Hash> proof;
    Hash leaf;

    @Setup(Level.Trial)
    public void make(StoredTree t) {
      index = t.size / 3;
      ByteBuffer entry = ByteBuffer.allocate(8).putLong(index);
      leaf = TreeHasher.leafHash(entry.array());
      proof = t.tree.inclusionProof(index, t.size);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Hash verifyInclusion(StoredTree t, ProofToVerify p) throws ProofException {
    ProofVerifier.verifyInclusion(p.index, t.size, p.leaf, p.proof, t.root);
    return t.root;
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public List<Hash> consistencyProof(StoredTree t) {
    return t.tree.consistencyProof(1 + t.index % (t.size - 1), t.size);
  }
}
