package org.trialledger.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's one data source. Settings come from the environment ({@code ${ENV=…}}): Payara
 * does not resolve MicroProfile Config placeholders here at deploy time (docs/platform-notes.md
 * §9). Without settings it is an embedded H2 file database under {@code ./data/} in PostgreSQL
 * mode, writing each commit at once ({@code WRITE_DELAY=0}; H2's default delay of 500 ms loses
 * acknowledged commits when the process is killed).
 */
@DataSourceDefinition(
    name = DataSourceConfiguration.JNDI_NAME,
    className = "org.trialledger.platform.ConfiguredDataSource",
    url = "${ENV=TRIALLEDGER_DB_URL:" + DataSourceConfiguration.DEFAULT_URL + "}",
    user = "${ENV=TRIALLEDGER_DB_USER:sa}",
    password = "${ENV=TRIALLEDGER_DB_PASSWORD:}",
    minPoolSize = 2,
    maxPoolSize = 32,
    transactional = true)
@ApplicationScoped
public class DataSourceConfiguration {
  public static final String JNDI_NAME = "java:app/jdbc/trialledger";
  static final String DEFAULT_URL =
      "jdbc:h2:file:./data/trialledger;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
}
