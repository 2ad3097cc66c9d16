package org.trialledger.platform;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A data source chosen by its JDBC URL alone, so that one setting ({@code TRIALLEDGER_DB_URL})
 * switches between the embedded H2 default and PostgreSQL. The application server pools it and
 * enlists it in JTA; the server sets the properties below by reflection from {@link
 * DataSourceConfiguration}.
 */
public class ConfiguredDataSource implements DataSource {

  private String url;
  private String user;
  private String password;
  private volatile DataSource delegate;
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
    if (url.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(url);
      if (user != null && !user.isEmpty()) pg.setUser(user);
      if (password != null && !password.isEmpty()) pg.setPassword(password);
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
    return delegate().getConnection();
  }

  @Override
  public Connection getConnection(String username, String pwd) throws SQLException {
    return delegate().getConnection(username, pwd);
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
