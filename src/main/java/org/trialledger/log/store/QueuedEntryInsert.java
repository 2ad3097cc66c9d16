package org.trialledger.log.store;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.hibernate.Session;
import org.trialledger.ledger.Hash;

/**
 * The writer's side of the log: an entry row and its queue row, inserted on the caller's
 * transaction's connection. On PostgreSQL one statement writes both (a data-modifying WITH) and
 * answers the entry's id; on H2 two statements. Plain JDBC rather than an entity: the entry row is
 * never read back in the writing transaction, and the entity path cost a writer (profiled, docs/
 * benchmarks.md) about twice the statement itself in generated-key and statement bookkeeping.
 */
public final class QueuedEntryInsert {
  private static final String COLUMNS =
      "ledger_entry (artifact_type, artifact_id, artifact_version, content_kind, content_hash,"
          + " queued_at, entry_bytes, leaf_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String POSTGRES =
      "WITH e AS (INSERT INTO "
          + COLUMNS
          + " RETURNING id), q AS (INSERT INTO ledger_queue (entry_id) SELECT id FROM e)"
          + " SELECT id FROM e";

  /** The entry's columns as {@link LedgerEntryRow} maps them. */
  public record Entry(
      String artifactType,
      String artifactId,
      int artifactVersion,
      String contentKind,
      Hash contentHash,
      Instant queuedAt,
      byte[] entryBytes,
      Hash leafHash) {}

  private QueuedEntryInsert() {}

  /** Inserts the entry and its queue row; returns the entry's id. */
  public static long insert(EntityManager em, boolean postgres, Entry entry) {
    return em.unwrap(Session.class)
        .doReturningWork(c -> postgres ? withOneStatement(c, entry) : withTwo(c, entry));
  }

  private static long withOneStatement(Connection c, Entry entry) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(POSTGRES)) {
      bind(s, entry);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long withTwo(Connection c, Entry entry) throws SQLException {
    long id;
    try (PreparedStatement s = c.prepareStatement("INSERT INTO " + COLUMNS, new String[] {"id"})) {
      bind(s, entry);
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
    }
    try (PreparedStatement q =
        c.prepareStatement("INSERT INTO ledger_queue (entry_id) VALUES (?)")) {
      q.setLong(1, id);
      q.executeUpdate();
    }
    return id;
  }

  private static void bind(PreparedStatement s, Entry e) throws SQLException {
    s.setString(1, e.artifactType());
    s.setString(2, e.artifactId());
    s.setInt(3, e.artifactVersion());
    s.setString(4, e.contentKind());
    s.setString(5, e.contentHash().hex());
    s.setObject(6, OffsetDateTime.ofInstant(e.queuedAt(), ZoneOffset.UTC));
    s.setBytes(7, e.entryBytes());
    s.setString(8, e.leafHash().hex());
  }
}
