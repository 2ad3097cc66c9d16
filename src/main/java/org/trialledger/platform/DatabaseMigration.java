package org.trialledger.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;

/**
 * Brings the schema up to date at start-up (Flyway owns it; migrations are the top-level {@code
 * db-migrations/} folder: {@code common/} plus one folder per database), then has Hibernate
 * validate the entity mappings against it.
 *
 * <p>Validation runs here rather than through {@code hbm2ddl.auto=validate} because the server
 * builds the persistence unit before any start-up bean runs: validating then would fail on an empty
 * database that Flyway has not yet migrated. A failure here fails the deployment.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {
  private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  private DataSource dataSource;

  @PersistenceUnit private EntityManagerFactory entityManagerFactory;

  /**
   * Migrations that must apply a context's own Java rules (V20: coded texts to codes, in {@code
   * registry.store}); the contexts offer them as beans, so that this package knows none of them.
   */
  @Inject @Any private Instance<JavaMigration> javaMigrations;

  @PostConstruct
  void migrateAndValidate() {
    MigrateResult result =
        Flyway.configure(DatabaseMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration/common", "classpath:db/migration/" + vendorFolder())
            .failOnMissingLocations(true)
            .javaMigrations(javaMigrations.stream().toArray(JavaMigration[]::new))
            .load()
            .migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now, database "
                + result.database
                + ")");
    entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
    LOG.info("Entity mappings validated against the schema");
  }

  /**
   * Most migrations are common to both databases; the few that use what only one of them has
   * (PostgreSQL's full-text search) live in a folder per database, with the same version numbers in
   * each.
   */
  private String vendorFolder() {
    return DatabaseProduct.folderOf(dataSource);
  }
}
