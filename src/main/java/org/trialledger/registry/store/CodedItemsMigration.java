package org.trialledger.registry.store;

import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.registry.domain.CodedItems;
import org.trialledger.registry.domain.RecordCodec;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.domain.VersionEnvelope;

/**
 * Migration 20: coded items become codes. Each sponsor's working copy ({@code trial.draft_json},
 * which the ledger does not hash) gets the code of every coded text that maps to one ("Phase 3" →
 * PHASE3); text that does not map stays as it is, and {@code CodedItemsReview} lists it. Submitted
 * versions are not touched: their canonical JSON is what the ledger hashed, so they are read
 * through {@link CodedItems#normalise} instead, and the search projection of each published version
 * is recomputed the way {@link SearchProjection#of} now computes it (phases as codes), so that the
 * full audit's comparison of search columns still holds. Java rather than SQL because the mapping
 * must be exactly the one the application and the audit use; it runs on H2 and PostgreSQL alike.
 */
@Dependent
public class CodedItemsMigration implements JavaMigration {

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("20");
  }

  @Override
  public String getDescription() {
    return "coded items as codes";
  }

  @Override
  public Integer getChecksum() {
    return 20_001; // change when the mapping this migration applies changes
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    record Row(long id, String draft, String published) {}
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT t.id, t.draft_json, v.canonical_json FROM trial t LEFT JOIN trial_version v"
                    + " ON v.trial_id = t.id AND v.version_number = t.published_version"
                    + " ORDER BY t.id");
        ResultSet r = s.executeQuery()) {
      while (r.next()) rows.add(new Row(r.getLong(1), r.getString(2), r.getString(3)));
    }
    try (PreparedStatement draft =
            c.prepareStatement("UPDATE trial SET draft_json = ? WHERE id = ?");
        PreparedStatement phases = c.prepareStatement("UPDATE trial SET phases = ? WHERE id = ?")) {
      for (Row row : rows) {
        String normalised = normalisedDraft(row.draft());
        if (!normalised.equals(row.draft())) {
          draft.setString(1, normalised);
          draft.setLong(2, row.id());
          draft.executeUpdate();
        }
        if (row.published() != null) {
          RegistrationRecord published = VersionEnvelope.parse(row.published()).record();
          phases.setString(1, SearchProjection.of(published).phases());
          phases.setLong(2, row.id());
          phases.executeUpdate();
        }
      }
    }
  }

  /** The draft's JSON with mappable coded texts as codes; the same text when nothing maps. */
  static String normalisedDraft(String draftJson) {
    RegistrationRecord before =
        RecordCodec.decode(JsonParser.parse(draftJson), RegistrationRecord.class);
    RegistrationRecord after = CodedItems.normalise(before);
    return Objects.equals(before, after)
        ? draftJson
        : CanonicalJson.write(RecordCodec.encode(after));
  }
}
