package org.trialledger.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Which database the application runs on, for the few queries that use what only PostgreSQL has.
 */
@ApplicationScoped
public class DatabaseProduct {
  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  private DataSource dataSource;

  private volatile String folder;

  public boolean isPostgres() {
    return "postgresql".equals(folder());
  }

  String folder() {
    if (folder == null) folder = folderOf(dataSource);
    return folder;
  }

  /** "postgresql" or "h2", as the migration folders are named. */
  static String folderOf(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("postgres")) return "postgresql";
      if (product.contains("h2")) return "h2";
      throw new IllegalStateException(
          "Unsupported database: " + product + " (use PostgreSQL or H2)");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database", e);
    }
  }
}
