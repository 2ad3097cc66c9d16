package org.trialledger.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, finding 6 ("writes hang the full 20 s with no timeout"): the timeouts come from the
 * configuration and reach the connections; on H2, a write that waits for a row another connection
 * holds fails after the lock timeout, as "unavailable", instead of waiting for the holder.
 */
class DatabaseTimeoutsTest {

  @Test
  void defaultsAndConfiguredValues() {
    DatabaseTimeouts defaults = DatabaseTimeouts.from(key -> Optional.empty());
    assertEquals(DatabaseTimeouts.DEFAULT_STATEMENT_MILLIS, defaults.statementMillis());
    assertEquals(DatabaseTimeouts.DEFAULT_LOCK_MILLIS, defaults.lockMillis());
    Map<String, String> config =
        Map.of(DatabaseTimeouts.STATEMENT_KEY, "4000", DatabaseTimeouts.LOCK_KEY, " 1500 ");
    DatabaseTimeouts set = DatabaseTimeouts.from(key -> Optional.ofNullable(config.get(key)));
    assertEquals(4000, set.statementMillis());
    assertEquals(1500, set.lockMillis());
    assertEquals("-c statement_timeout=4000 -c lock_timeout=1500", set.postgresOptions(null));
    assertEquals(
        "-c search_path=x -c statement_timeout=4000 -c lock_timeout=1500",
        set.postgresOptions("-c search_path=x"));
    assertEquals(9, set.postgresSocketTimeoutSeconds());
  }

  @Test
  void nonsenseIsRefusedNamingTheKey() {
    for (String bad : new String[] {"0", "-5", "10s", "ten"}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  DatabaseTimeouts.from(
                      key ->
                          key.equals(DatabaseTimeouts.LOCK_KEY)
                              ? Optional.of(bad)
                              : Optional.empty()));
      assertTrue(e.getMessage().contains(DatabaseTimeouts.LOCK_KEY), e.getMessage());
    }
  }

  @Test
  void anH2WriteWaitingForALockFailsAfterTheTimeoutAsUnavailable() throws SQLException {
    ConfiguredDataSource ds = new ConfiguredDataSource();
    ds.setURL("jdbc:h2:mem:timeouts;MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    ds.useTimeouts(new DatabaseTimeouts(5_000, 300));
    try (Connection holder = ds.getConnection();
        Connection writer = ds.getConnection()) {
      try (Statement s = writer.createStatement();
          ResultSet lock = s.executeQuery("SELECT LOCK_TIMEOUT()")) {
        lock.next();
        assertEquals(300, lock.getInt(1), "the lock timeout reached the session");
      }
      try (Statement s = writer.createStatement();
          ResultSet query =
              s.executeQuery(
                  "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                      + " WHERE SETTING_NAME = 'QUERY_TIMEOUT'")) {
        query.next();
        assertEquals("5000", query.getString(1), "the statement timeout reached the session");
      }
      try (Statement s = holder.createStatement()) {
        s.execute("CREATE TABLE ledger_entry (id INT PRIMARY KEY, v INT)");
        s.execute("INSERT INTO ledger_entry VALUES (1, 0)");
      }
      holder.setAutoCommit(false);
      try (Statement s = holder.createStatement()) {
        s.execute("UPDATE ledger_entry SET v = 1 WHERE id = 1");
      }
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> {
                try (Statement s = writer.createStatement()) {
                  s.execute("UPDATE ledger_entry SET v = 2 WHERE id = 1");
                }
              });
      assertTrue(DatabaseUnavailable.isCause(e), e.getSQLState() + " " + e.getMessage());
      holder.rollback();
      try (Statement s = writer.createStatement()) {
        assertEquals(1, s.executeUpdate("UPDATE ledger_entry SET v = 2 WHERE id = 1"));
      }
    }
  }
}
