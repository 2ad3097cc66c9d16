package org.trialledger.platform;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A data source chosen by its JDBC URL alone, so that one setting ({@code TRIALLEDGER_DB_URL})
 * switches between the embedded H2 default and PostgreSQL. The application server pools it and
 * enlists it in JTA; the server sets the properties below by reflection from {@link
 * DataSourceConfiguration}. Every connection gets the statement and lock timeouts of {@link
 * DatabaseTimeouts}. The read replica's data source ({@link ReadDataSourceConfiguration}) is one
 * too, with read-only connections.
 */
public class ConfiguredDataSource implements DataSource {
  static final int CONNECT_TIMEOUT_SECONDS = 5;

  private String url;
  private String user;
  private String password;
  private boolean readOnly;
  private volatile DataSource delegate;
  private volatile DatabaseTimeouts timeouts;
  private PrintWriter logWriter;
  private int loginTimeout;

  public void setURL(String url) {
    this.url = url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getURL() {
    return url;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  /** Read-only connections (the replica's data source): a write is refused by the driver. */
  public void setReadOnly(String readOnly) {
    this.readOnly = Boolean.parseBoolean(readOnly);
  }

  /** Timeouts other than the configured ones (tests); before the first connection only. */
  void useTimeouts(DatabaseTimeouts timeouts) {
    this.timeouts = timeouts;
  }

  private DataSource delegate() throws SQLException {
    DataSource d = delegate;
    if (d == null) {
      d = createDelegate();
      delegate = d;
    }
    return d;
  }

  private DataSource createDelegate() throws SQLException {
    if (url == null || url.isBlank()) {
      throw new SQLException("No database URL is configured (TRIALLEDGER_DB_URL)");
    }
    if (timeouts == null) timeouts = DatabaseTimeouts.configured();
    if (url.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(url);
      pg.setOptions(timeouts.postgresOptions(pg.getOptions()));
      // The server enforces the statement timeout; this bounds a wait on a server that no longer
      // answers at all (a cut network), and a connection attempt to one that never accepts.
      if (pg.getSocketTimeout() == 0) pg.setSocketTimeout(timeouts.postgresSocketTimeoutSeconds());
      if (!url.contains("connectTimeout")) pg.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
      if (user != null && !user.isEmpty()) pg.setUser(user);
      if (password != null && !password.isEmpty()) pg.setPassword(password);
      if (readOnly) pg.setReadOnly(true);
      return pg;
    }
    if (url.startsWith("jdbc:h2:")) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(url);
      h2.setUser(user == null ? "" : user);
      h2.setPassword(password == null ? "" : password);
      return h2;
    }
    throw new SQLException("Unsupported database URL (use jdbc:postgresql: or jdbc:h2:): " + url);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return withTimeouts(delegate().getConnection());
  }

  @Override
  public Connection getConnection(String username, String pwd) throws SQLException {
    return withTimeouts(delegate().getConnection(username, pwd));
  }

  /** H2 takes its timeouts per session; PostgreSQL's came with the connection's options. */
  private Connection withTimeouts(Connection c) throws SQLException {
    if (!(delegate instanceof JdbcDataSource)) return c;
    try (Statement s = c.createStatement()) {
      for (String setting : timeouts.h2Settings()) s.execute(setting);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) return iface.cast(this);
    return delegate().unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || delegate().isWrapperFor(iface);
  }
}
