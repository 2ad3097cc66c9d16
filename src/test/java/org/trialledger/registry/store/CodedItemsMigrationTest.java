package org.trialledger.registry.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.registry.domain.CodedItemsFixtures;
import org.trialledger.registry.domain.RecordCodec;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.domain.VersionEnvelope;

/**
 * V20 on a real (embedded H2) database migrated by the project's own migrations: drafts get codes
 * where text maps, published versions stay byte for byte what the ledger hashed, and the search
 * column of phases becomes codes, so the public "Phase 3" filter finds a trial entered as "Phase
 * 3".
 */
class CodedItemsMigrationTest {
  private static final String URL =
      "jdbc:h2:mem:v20;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

  @Test
  void draftsGetCodesVersionsStayAndSearchFindsThem() throws SQLException {
    Flyway before = flyway().target(String.valueOf(lastSqlVersionBefore20())).load();
    before.migrate();
    RegistrationRecord typed = CodedItemsFixtures.typedAsText();
    String draft = CanonicalJson.write(RecordCodec.encode(typed));
    String version =
        new VersionEnvelope("TLR-00000001-3", 1, "Helix", "first", Instant.EPOCH, typed, List.of())
            .canonicalJson();
    try (Connection c = DriverManager.getConnection(URL, "sa", "")) {
      c.createStatement()
          .execute(
              "INSERT INTO organisation (id, name, kind, created_at)"
                  + " VALUES (1, 'Helix', 'SPONSOR', CURRENT_TIMESTAMP)");
      try (PreparedStatement t =
          c.prepareStatement(
              "INSERT INTO trial (id, registry_id, sponsor_organisation_id, status, draft_json,"
                  + " draft_updated_at, draft_updated_by, created_at, created_by, published_version,"
                  + " phases) VALUES (1, 'TLR-00000001-3', 1, 'PUBLISHED', ?, CURRENT_TIMESTAMP,"
                  + " 's', CURRENT_TIMESTAMP, 's', 1, 'Phase 2/Phase 3')")) {
        t.setString(1, draft);
        t.executeUpdate();
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
            c.createStatement()
                .executeQuery(
                    "SELECT t.draft_json, t.phases, v.canonical_json FROM trial t"
                        + " JOIN trial_version v ON v.trial_id = t.id")) {
      r.next();
      RegistrationRecord migrated =
          RecordCodec.decode(JsonParser.parse(r.getString(1)), RegistrationRecord.class);
      assertEquals(List.of("PHASE2", "PHASE3"), migrated.design().phases());
      assertEquals("RANDOMIZED", migrated.design().allocation());
      assertEquals("blinded assessor", migrated.design().masking(), "what does not map stays");
      assertEquals("PHASE2,PHASE3", r.getString(2));
      assertEquals(version, r.getString(3), "a recorded version is what the ledger hashed");
    }
  }

  /** The newest SQL migration before V20 (others' numbers may be added beside it). */
  private static int lastSqlVersionBefore20() {
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("db-migrations/common"))) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.matches("V\\d+__.*"))
          .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
          .filter(v -> v < 20)
          .max()
          .orElseThrow();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
    return Flyway.configure()
        .dataSource(URL, "sa", "")
        .locations("filesystem:db-migrations/common", "filesystem:db-migrations/h2")
        .javaMigrations(new CodedItemsMigration());
  }
}
