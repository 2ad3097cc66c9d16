package org.trialledger.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The optional read replica (docs/scaling.md, "Reads from a replica"): a PostgreSQL streaming
 * standby that anonymous public reads may use. Not enlisted in transactions, read-only connections,
 * no connection opened at start. Without {@code TRIALLEDGER_DB_READ_URL} it is never asked for a
 * connection: {@link ReplicaMonitor} reports it as not configured and every read goes to the
 * primary.
 */
@DataSourceDefinition(
    name = ReadDataSourceConfiguration.JNDI_NAME,
    className = "org.trialledger.platform.ConfiguredDataSource",
    url = "${ENV=TRIALLEDGER_DB_READ_URL:}",
    user = "${ENV=TRIALLEDGER_DB_READ_USER:}",
    password = "${ENV=TRIALLEDGER_DB_READ_PASSWORD:}",
    minPoolSize = 0,
    maxPoolSize = 32,
    transactional = false,
    properties = {
      "readOnly=true",
      // a replica that stopped answering must not hold a public read for long: the primary is
      // asked instead
      "fish.payara.max-wait-time-in-millis=2000",
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=table",
      "fish.payara.validation-table-name=" + DataSourceConfiguration.VALIDATION_TABLE,
      "fish.payara.fail-all-connections=true",
      "fish.payara.match-connections=false"
    })
@ApplicationScoped
public class ReadDataSourceConfiguration {
  public static final String JNDI_NAME = "java:app/jdbc/trialledger-read";
}
