package org.trialledger.registry.store;

import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.trialledger.registry.domain.VersionEnvelope;

/**
 * Migration 22: the search keeps each published trial's start date as registered ({@code
 * start_date_text}, "2027-02"), beside the first day it can mean ({@code start_date}, 2027-02-01),
 * which is all the search cards could show before. Filled from each published version the way
 * {@link SearchProjection#of} fills it, so that the full audit's comparison of search columns
 * holds. Java because the reading of a version must be the application's own; it runs on H2 and
 * PostgreSQL alike.
 */
@Dependent
public class StartDateTextMigration implements JavaMigration {

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("22");
  }

  @Override
  public String getDescription() {
    return "start date as registered";
  }

  @Override
  public Integer getChecksum() {
    return 22_001;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE trial ADD COLUMN start_date_text VARCHAR(10)");
    }
    try (PreparedStatement read =
            c.prepareStatement(
                "SELECT t.id, v.canonical_json FROM trial t JOIN trial_version v"
                    + " ON v.trial_id = t.id AND v.version_number = t.published_version");
        PreparedStatement write =
            c.prepareStatement("UPDATE trial SET start_date_text = ? WHERE id = ?");
        ResultSet r = read.executeQuery()) {
      while (r.next()) {
        write.setString(
            1, SearchProjection.of(VersionEnvelope.parse(r.getString(2)).record()).startDateText());
        write.setLong(2, r.getLong(1));
        write.executeUpdate();
      }
    }
  }
}
