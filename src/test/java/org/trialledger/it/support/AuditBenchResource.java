package org.trialledger.it.support;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.entry.LedgerEntry;
import org.trialledger.ledger.merkle.MerkleTree;
import org.trialledger.ledger.merkle.NodeId;
import org.trialledger.ledger.merkle.TreeHasher;
import org.trialledger.log.application.AuditJobs;
import org.trialledger.log.application.AuditProgress;
import org.trialledger.log.application.LogSigner;
import org.trialledger.log.store.CheckpointRow;
import org.trialledger.log.store.JpaNodeStore;
import org.trialledger.log.store.LogHead;
import org.trialledger.platform.DataSourceConfiguration;

/**
 * Test-only endpoints of the full-audit benchmark ({@code AuditBench}): a large log generated
 * straight into the tables, the full audit timed inside the server, and raw SHA-256 over the same
 * bytes in the same JVM as its baseline.
 */
@Path("/it/audit-bench")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class AuditBenchResource {
  private static final String TYPE = "BENCH_AUDIT"; // no verifier: the audit checks entry and leaf
  private static final int CHUNK = 10_000;
  private static final Instant QUEUED_AT = Instant.parse("2026-11-28T00:00:00Z");

  @Inject private LogSigner signer;
  @Inject private AuditJobs audits;
  @Resource private UserTransaction tx;

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  private DataSource dataSource;

  @PersistenceContext private EntityManager em;

  /**
   * Appends {@code n} entries (numbered from the current entry count) as leaves, with their tree
   * nodes and a signed checkpoint per chunk of 10,000, each chunk as one integration would: under
   * the head's lock, in one transaction.
   */
  @POST
  @Path("/generate")
  public String generate(@QueryParam("n") int n) throws Exception {
    long start = System.nanoTime();
    long first = -1;
    for (int done = 0; done < n; done += CHUNK) {
      int m = Math.min(CHUNK, n - done);
      tx.begin();
      try {
        LogHead head = em.find(LogHead.class, LogHead.ID, LockModeType.PESSIMISTIC_WRITE);
        long size = head.getTreeSize();
        if (first < 0) first = size;
        Instant now = Instant.now();
        List<Hash> leafHashes = insertEntries(size, m, now);
        MerkleTree.Appended appended =
            new MerkleTree(new JpaNodeStore(em)).append(size, leafHashes);
        insertInnerNodes(appended.newNodes());
        head.advance(size + m, appended.root(), now);
        em.persist(
            new CheckpointRow(
                size + m, appended.root(), signer.sign(size + m, appended.root()), now));
        tx.commit();
      } catch (Exception e) {
        tx.rollback();
        throw e;
      }
    }
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("ANALYZE"); // fresh statistics for the audit's plans, as autovacuum would give
    }
    return "{\"first\":"
        + first
        + ",\"n\":"
        + n
        + ",\"millis\":"
        + (System.nanoTime() - start) / 1_000_000
        + "}";
  }

  private static LedgerEntry entry(long k) {
    return new LedgerEntry(
        LedgerEntry.Kind.HASH,
        TYPE,
        "bench-" + k,
        1,
        Hash.sha256(ByteBuffer.allocate(8).putLong(k).array()),
        QUEUED_AT.plus(k, ChronoUnit.MILLIS));
  }

  private void insertInnerNodes(Map<NodeId, Hash> nodes) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO tree_node (level, node_index, hash) VALUES (?, ?, ?)")) {
      for (Map.Entry<NodeId, Hash> n : nodes.entrySet()) {
        if (n.getKey().level() == 0) continue;
        p.setShort(1, (short) n.getKey().level());
        p.setLong(2, n.getKey().index());
        p.setString(3, n.getValue().hex());
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  private List<Hash> insertEntries(long from, int m, Instant now) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO ledger_entry (artifact_type, artifact_id, artifact_version,"
                    + " content_kind, content_hash, queued_at, entry_bytes, leaf_hash)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id"});
        PreparedStatement leaves =
            c.prepareStatement(
                "INSERT INTO ledger_leaf (leaf_index, entry_id, integrated_at) VALUES (?, ?, ?)")) {
      List<Hash> leafHashes = new ArrayList<>(m);
      for (int i = 0; i < m; i++) {
        LedgerEntry e = entry(from + i);
        byte[] bytes = e.encode();
        Hash leaf = TreeHasher.leafHash(bytes);
        leafHashes.add(leaf);
        p.setString(1, e.artifactType());
        p.setString(2, e.artifactId());
        p.setInt(3, e.version());
        p.setString(4, e.kind().name());
        p.setString(5, e.contentHash().hex());
        p.setObject(6, OffsetDateTime.ofInstant(e.queuedAt(), ZoneOffset.UTC));
        p.setBytes(7, bytes);
        p.setString(8, leaf.hex());
        p.addBatch();
      }
      p.executeBatch();
      try (ResultSet ids = p.getGeneratedKeys()) {
        for (int i = 0; i < m; i++) {
          if (!ids.next()) throw new IllegalStateException("no id for entry " + (from + i));
          leaves.setLong(1, from + i);
          leaves.setLong(2, ids.getLong(1));
          leaves.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
          leaves.addBatch();
        }
      }
      leaves.executeBatch();
      return leafHashes;
    }
  }

  /**
   * Runs the full audit and, in the same JVM, the baseline: SHA-256 (MessageDigest) of every leaf
   * of the generated range (0x00 ‖ entry bytes) and of the n − 1 inner nodes above them (0x01 ‖
   * left ‖ right), the bytes the audit hashes for those leaves. Entry encoding is not timed.
   */
  @POST
  @Path("/audit")
  public String audit(@QueryParam("first") long first, @QueryParam("n") int n) throws Exception {
    AuditProgress progress = audits.start("audit-bench");
    AuditProgress.Snapshot s;
    while ((s = progress.snapshot(Instant.now())).state() == AuditProgress.State.RUNNING) {
      Thread.sleep(20);
    }
    long auditMillis = s.finishedAt().toEpochMilli() - s.startedAt().toEpochMilli();
    long leaves = em.find(LogHead.class, LogHead.ID).getTreeSize();
    long hashNanos = baselineNanos(first, n);
    return "{\"state\":\""
        + s.state()
        + "\",\"discrepancies\":"
        + s.discrepancyCount()
        + ",\"leaves\":"
        + leaves
        + ",\"auditMillis\":"
        + auditMillis
        + ",\"baselineLeaves\":"
        + n
        + ",\"baselineMillis\":"
        + hashNanos / 1_000_000.0
        + "}";
  }

  private static long baselineNanos(long first, int n) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    Deque<byte[]> stack = new ArrayDeque<>(); // complete subtrees, with their sizes alongside
    Deque<Long> sizes = new ArrayDeque<>();
    long nanos = 0;
    byte[][] chunk = new byte[CHUNK][];
    for (int done = 0; done < n; done += CHUNK) {
      int m = Math.min(CHUNK, n - done);
      for (int i = 0; i < m; i++) chunk[i] = entry(first + done + i).encode();
      long t0 = System.nanoTime();
      for (int i = 0; i < m; i++) {
        sha.update((byte) 0);
        byte[] h = sha.digest(chunk[i]);
        long size = 1;
        while (!sizes.isEmpty() && sizes.peek() == size) {
          sha.update((byte) 1);
          sha.update(stack.pop());
          h = sha.digest(h);
          size += sizes.pop();
        }
        stack.push(h);
        sizes.push(size);
      }
      nanos += System.nanoTime() - t0;
    }
    return nanos;
  }
}
