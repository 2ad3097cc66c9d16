package org.trialledger.audit.store;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.hibernate.Session;
import org.trialledger.audit.domain.AuditRecord;

/**
 * Inserts an audit record's row on the caller's transaction's connection and answers its id: one
 * statement, the same columns {@link AuditEvent} maps. Plain JDBC rather than {@code persist}: the
 * row is never read back in the writing transaction, and of an entity IDENTITY insert about five
 * sixths of the writer's CPU was Hibernate's generated-key and statement bookkeeping, not the
 * statement (docs/benchmarks.md). The table has no foreign keys, so the row may reach the database
 * before the changes the persistence context still holds.
 */
public final class AuditEventInsert {
  private static final String SQL =
      "INSERT INTO audit_event (occurred_at, actor, actor_org_id, action, object_type, object_id,"
          + " old_value, new_value, reason, salt, record_hash)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private AuditEventInsert() {}

  /** Inserts the row; returns its id. */
  public static long insert(EntityManager em, AuditRecord r, String saltBase64, String hash) {
    return em.unwrap(Session.class).doReturningWork(c -> insert(c, r, saltBase64, hash));
  }

  private static long insert(Connection c, AuditRecord r, String saltBase64, String hash)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(SQL, new String[] {"id"})) {
      s.setObject(1, OffsetDateTime.ofInstant(r.occurredAt(), ZoneOffset.UTC));
      s.setString(2, r.actor());
      if (r.actorOrganisationId() == null) s.setNull(3, Types.BIGINT);
      else s.setLong(3, r.actorOrganisationId());
      s.setString(4, r.action());
      s.setString(5, r.objectType());
      s.setString(6, r.objectId());
      s.setString(7, r.oldValue());
      s.setString(8, r.newValue());
      s.setString(9, r.reason());
      s.setString(10, saltBase64);
      s.setString(11, hash);
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        if (!keys.next()) throw new SQLException("audit_event insert returned no id");
        return keys.getLong(1);
      }
    }
  }
}
