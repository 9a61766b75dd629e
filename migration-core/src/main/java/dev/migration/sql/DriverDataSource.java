package dev.migration.sql;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * A non-pooling {@link DataSource} that opens a new connection through
 * {@link DriverManager} on every call. Used where no pool exists: the CLI, the Maven
 * plugin, {@code migration.url} in the starter and benchmarks. A migration run opens at
 * most two connections (the work connection and the lock connection), so a pool buys
 * nothing here.
 */
public final class DriverDataSource implements DataSource {

	private final String url;

	private final @Nullable String user;

	private final @Nullable String password;

	private volatile int loginTimeoutSeconds;

	/**
	 * Create a data source.
	 * @param url the JDBC URL
	 * @param user the user, or {@code null} for none
	 * @param password the password, or {@code null} for none
	 */
	public DriverDataSource(String url, @Nullable String user, @Nullable String password) {
		this.url = Objects.requireNonNull(url, "url");
		this.user = user;
		this.password = password;
	}

	public String getUrl() {
		return this.url;
	}

	public @Nullable String getUser() {
		return this.user;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return getConnection(this.user, this.password);
	}

	@Override
	public Connection getConnection(@Nullable String username, @Nullable String password) throws SQLException {
		if (this.loginTimeoutSeconds > 0) {
			DriverManager.setLoginTimeout(this.loginTimeoutSeconds);
		}
		if (username == null && password == null) {
			return DriverManager.getConnection(this.url);
		}
		return DriverManager.getConnection(this.url, (username != null) ? username : "",
				(password != null) ? password : "");
	}

	@Override
	public @Nullable PrintWriter getLogWriter() {
		return null;
	}

	@Override
	public void setLogWriter(PrintWriter out) {
	}

	@Override
	public void setLoginTimeout(int seconds) {
		this.loginTimeoutSeconds = seconds;
	}

	@Override
	public int getLoginTimeout() {
		return this.loginTimeoutSeconds;
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		if (iface.isInstance(this)) {
			return iface.cast(this);
		}
		throw new SQLException("DriverDataSource is not a wrapper for " + iface.getName());
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) {
		return iface.isInstance(this);
	}

	/** The URL only: never the credentials. */
	@Override
	public String toString() {
		return "DriverDataSource[" + this.url + "]";
	}

}
