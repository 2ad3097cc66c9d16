package org.trialledger.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's one data source. Settings come from the environment ({@code ${ENV=…}}): Payara
 * does not resolve MicroProfile Config placeholders here at deploy time (docs/platform-notes.md
 * §9). Without settings it is an embedded H2 file database under {@code ./data/} in PostgreSQL
 * mode, writing each commit at once ({@code WRITE_DELAY=0}; H2's default delay of 500 ms loses
 * acknowledged commits when the process is killed).
 *
 * <p>Faults (docs/platform-notes.md §12): a request waits at most {@code
 * fish.payara.max-wait-time-in-millis} for a pooled connection (the server's default is a minute);
 * each connection is checked with a query before it is handed out, and one failed check empties the
 * pool, so connections the database terminated are replaced instead of failing requests one by one.
 * Connections are not matched against the caller's credentials ({@code match-connections}): every
 * connection of a pool has the same user, and the matching serialised concurrent checkouts on one
 * shared {@code Subject}'s lock.
 */
@DataSourceDefinition(
    name = DataSourceConfiguration.JNDI_NAME,
    className = "org.trialledger.platform.ConfiguredDataSource",
    url = "${ENV=TRIALLEDGER_DB_URL:" + DataSourceConfiguration.DEFAULT_URL + "}",
    user = "${ENV=TRIALLEDGER_DB_USER:sa}",
    password = "${ENV=TRIALLEDGER_DB_PASSWORD:}",
    minPoolSize = 2,
    maxPoolSize = 32,
    transactional = true,
    properties = {
      "fish.payara.max-wait-time-in-millis=" + DataSourceConfiguration.ACQUIRE_TIMEOUT_MILLIS,
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=table",
      "fish.payara.validation-table-name=" + DataSourceConfiguration.VALIDATION_TABLE,
      "fish.payara.fail-all-connections=true",
      "fish.payara.match-connections=false"
    })
@ApplicationScoped
public class DataSourceConfiguration {
  public static final String JNDI_NAME = "java:app/jdbc/trialledger";

  /** How long a request waits for a connection from the pool before it is answered 503. */
  public static final int ACQUIRE_TIMEOUT_MILLIS = 5000;

  /**
   * What the pool's check counts: Payara sends {@code SELECT COUNT(*) FROM} this, a round trip that
   * reads no table, on PostgreSQL and H2 alike. Not {@code custom-validation}: Payara looks its
   * class up by name through the application's child-first class loader at every checkout, and
   * under load the writers queued on that lookup (docs/platform-notes.md §12).
   */
  static final String VALIDATION_TABLE = "(SELECT 1) AS alive";

  static final String DEFAULT_URL =
      "jdbc:h2:file:./data/trialledger;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
}
