package org.trialledger.log.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.trialledger.registry.store.CodedItemsMigration;
import org.trialledger.registry.store.StartDateTextMigration;

/**
 * V29 on an embedded H2 database (the {@code mvn -Prun} default) migrated by the project's own
 * migrations: integrated entries become leaves with their index and time, queued ones queue rows,
 * and the entry table loses the columns the integrator used to update.
 */
class AppendOnlyMigrationTest {
  private static final String URL =
      "jdbc:h2:mem:v29;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

  @Test
  void integratedEntriesBecomeLeavesAndTheRestStayQueued() throws SQLException {
    flyway().target(lastBeforeV29()).load().migrate();
    try (Connection c = DriverManager.getConnection(URL, "sa", "");
        Statement s = c.createStatement()) {
      for (int id = 1; id <= 3; id++) {
        s.execute(
            "INSERT INTO ledger_entry (id, artifact_type, artifact_id, artifact_version,"
                + " content_kind, content_hash, queued_at, entry_bytes, leaf_hash, leaf_index,"
                + " integrated_at) VALUES ("
                + id
                + ", 'T', 'a"
                + id
                + "', 1, 'HASH', 'c', TIMESTAMP WITH TIME ZONE '2026-11-28 10:00:0"
                + id
                + "+00', X'00', 'l"
                + id
                + "', "
                + (id == 3
                    ? "NULL, NULL"
                    : (id - 1) + ", TIMESTAMP WITH TIME ZONE '2026-11-28 10:01:00+00'")
                + ")");
      }
    }

    flyway().load().migrate();

    try (Connection c = DriverManager.getConnection(URL, "sa", "");
        Statement s = c.createStatement()) {
      assertEquals(
          List.of("0:1:2026-11-28T10:01Z", "1:2:2026-11-28T10:01Z"),
          rows(
              s,
              "SELECT leaf_index, entry_id, integrated_at FROM ledger_leaf ORDER BY leaf_index"));
      assertEquals(List.of("3"), rows(s, "SELECT entry_id FROM ledger_queue"));
      try (ResultSet cols = c.getMetaData().getColumns(null, null, "ledger_entry", "leaf_index")) {
        assertFalse(cols.next(), "ledger_entry.leaf_index is gone");
      }
    }
  }

  private static List<String> rows(Statement s, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet r = s.executeQuery(sql)) {
      int n = r.getMetaData().getColumnCount();
      while (r.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          if (i > 1) row.append(':');
          Object v = i == 3 ? r.getObject(i, java.time.OffsetDateTime.class) : r.getObject(i);
          row.append(v);
        }
        out.add(row.toString());
      }
    }
    return out;
  }

  /** Whichever migration precedes V29 (others may be added below it). */
  private static String lastBeforeV29() {
    return Arrays.stream(flyway().load().info().all())
        .map(MigrationInfo::getVersion)
        .filter(v -> v.compareTo(MigrationVersion.fromVersion("29")) < 0)
        .max(Comparator.naturalOrder())
        .orElseThrow()
        .getVersion();
  }

  private static FluentConfiguration flyway() {
    return Flyway.configure()
        .dataSource(URL, "sa", "")
        .locations("filesystem:db-migrations/common", "filesystem:db-migrations/h2")
        .javaMigrations(new CodedItemsMigration(), new StartDateTextMigration());
  }
}
