package org.trialledger.registry.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.trialledger.registry.domain.RegistryFixtures;
import org.trialledger.registry.domain.VersionEnvelope;

/**
 * V22 on an embedded H2 database migrated by the project's own migrations: a published trial gets
 * its start date as registered (the fixture's "2026-03", a month), a draft nothing.
 */
class StartDateTextMigrationTest {
  private static final String URL =
      "jdbc:h2:mem:v22;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

  @Test
  void publishedTrialsGetTheirStartDateAsRegistered() throws SQLException {
    flyway().target("21").load().migrate();
    String version =
        new VersionEnvelope(
                "TLR-00000001-3",
                1,
                "Helix",
                "first",
                Instant.EPOCH,
                RegistryFixtures.completeRecord(),
                List.of())
            .canonicalJson();
    try (Connection c = DriverManager.getConnection(URL, "sa", "")) {
      c.createStatement()
          .execute(
              "INSERT INTO organisation (id, name, kind, created_at)"
                  + " VALUES (1, 'Helix', 'SPONSOR', CURRENT_TIMESTAMP)");
      for (int id = 1; id <= 2; id++) {
        c.createStatement()
            .execute(
                "INSERT INTO trial (id, registry_id, sponsor_organisation_id, status, draft_json,"
                    + " draft_updated_at, draft_updated_by, created_at, created_by,"
                    + " published_version, start_date) VALUES ("
                    + id
                    + ", 'TLR-0000000"
                    + id
                    + "-3', 1, "
                    + (id == 1 ? "'PUBLISHED'" : "'DRAFT'")
                    + ", '{}', CURRENT_TIMESTAMP, 's', CURRENT_TIMESTAMP, 's', "
                    + (id == 1 ? "1" : "NULL")
                    + ", DATE '2026-03-01')");
      }
      try (PreparedStatement v =
          c.prepareStatement(
              "INSERT INTO trial_version (trial_id, version_number, canonical_json, content_hash,"
                  + " reason, state, submitted_at, submitted_by, leaf_hash) VALUES (1, 1, ?, 'h',"
                  + " 'first', 'PUBLISHED', CURRENT_TIMESTAMP, 's', 'l')")) {
        v.setString(1, version);
        v.executeUpdate();
      }
    }

    flyway().load().migrate();

    try (Connection c = DriverManager.getConnection(URL, "sa", "");
        ResultSet r =
            c.createStatement().executeQuery("SELECT id, start_date_text FROM trial ORDER BY id")) {
      r.next();
      assertEquals("2026-03", r.getString(2), "a month stays a month");
      r.next();
      assertNull(r.getString(2), "a draft has no public start date");
    }
  }

  private static FluentConfiguration flyway() {
    return Flyway.configure()
        .dataSource(URL, "sa", "")
        .locations("filesystem:db-migrations/common", "filesystem:db-migrations/h2")
        .javaMigrations(new CodedItemsMigration(), new StartDateTextMigration());
  }
}
