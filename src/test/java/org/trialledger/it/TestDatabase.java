package org.trialledger.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The database the application under test uses: PostgreSQL by default, H2 with {@code -Ph2}; the
 * build passes its URL both to this JVM and, as TRIALLEDGER_DB_URL, to the Payara Micro process.
 */
public final class TestDatabase {
  private TestDatabase() {}

  public static String url() {
    return System.getProperty("it.db.url");
  }

  public static boolean isPostgres() {
    return url().startsWith("jdbc:postgresql:");
  }

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        url(), System.getProperty("it.db.user"), System.getProperty("it.db.password", ""));
  }

  /**
   * Drops and creates the database, so each deployment starts from nothing and Flyway migrates it
   * all.
   */
  public static void recreate() {
    try {
      if (isPostgres()) {
        String name = url().substring(url().lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        try (Connection admin =
                DriverManager.getConnection(
                    System.getProperty("it.pg.admin.url"),
                    System.getProperty("it.db.user"),
                    System.getProperty("it.db.password", ""));
            Statement s = admin.createStatement()) {
          s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
          s.execute("CREATE DATABASE " + name);
        }
      } else {
        Path file = Paths.get(url().substring("jdbc:h2:file:".length()).split(";")[0]);
        Path dir = file.getParent();
        if (Files.exists(dir)) {
          try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(TestDatabase::delete);
          }
        }
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("Cannot recreate the test database at " + url(), e);
    }
  }

  private static void delete(Path p) {
    try {
      Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
