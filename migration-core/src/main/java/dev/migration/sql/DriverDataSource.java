package dev.migration.sql;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * A non-pooling {@link DataSource} that opens a new connection on every call. Used where
 * no pool exists: the CLI, the Maven plugin, the starter's own connection
 * ({@code migration.url}, or {@code migration.user} on the application's URL), benchmarks
 * and tests. A migration run opens one connection, which also holds the session lock (a
 * lease lock opens short-lived ones of its own), so a pool buys nothing here.
 * <p>
 * With a class loader (as HikariCP's {@code DriverDataSource} takes one) the driver is
 * found through that loader and called directly: {@link DriverManager} refuses drivers
 * that its caller's loader cannot see, and the Maven plugin's loader does not see the
 * project's dependencies. Without one, {@link DriverManager} finds the driver.
 */
public final class DriverDataSource implements DataSource {

	private final String url;

	private final @Nullable String user;

	private final @Nullable String password;

	private final @Nullable String driverClassName;

	private final @Nullable ClassLoader classLoader;

	private volatile int loginTimeoutSeconds;

	/**
	 * Create a data source whose driver {@link DriverManager} finds.
	 * @param url the JDBC URL
	 * @param user the user, or {@code null} for none
	 * @param password the password, or {@code null} for none
	 */
	public DriverDataSource(String url, @Nullable String user, @Nullable String password) {
		this(url, user, password, null, null);
	}

	/**
	 * Create a data source whose driver comes from a class loader.
	 * @param url the JDBC URL
	 * @param user the user, or {@code null} for none
	 * @param password the password, or {@code null} for none
	 * @param driverClassName the driver class, or {@code null} for the first driver that
	 * accepts the URL
	 * @param classLoader where the driver is, or {@code null} for {@link DriverManager}
	 */
	public DriverDataSource(String url, @Nullable String user, @Nullable String password,
			@Nullable String driverClassName, @Nullable ClassLoader classLoader) {
		this.url = Objects.requireNonNull(url, "url");
		this.user = user;
		this.password = password;
		this.driverClassName = (driverClassName != null && !driverClassName.isBlank()) ? driverClassName : null;
		this.classLoader = classLoader;
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
		if (this.classLoader == null && this.driverClassName == null) {
			if (username == null && password == null) {
				return DriverManager.getConnection(this.url);
			}
			return DriverManager.getConnection(this.url, (username != null) ? username : "",
					(password != null) ? password : "");
		}
		Properties info = new Properties();
		if (username != null) {
			info.setProperty("user", username);
		}
		if (password != null) {
			info.setProperty("password", password);
		}
		Connection connection = driver().connect(this.url, info);
		if (connection == null) {
			throw new SQLException("The JDBC driver refused " + this.url + "; check the URL and the driver class name");
		}
		return connection;
	}

	private Driver driver() throws SQLException {
		ClassLoader loader = (this.classLoader != null) ? this.classLoader
				: Thread.currentThread().getContextClassLoader();
		if (this.driverClassName != null) {
			try {
				return (Driver) Class.forName(this.driverClassName, true, loader)
					.getDeclaredConstructor()
					.newInstance();
			}
			catch (ReflectiveOperationException | ClassCastException | LinkageError ex) {
				throw new SQLException("Cannot load the JDBC driver " + this.driverClassName + " for " + this.url + ": "
						+ ex + "; add the driver as a dependency or fix the driver class name", ex);
			}
		}
		for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
			if (driver.acceptsURL(this.url)) {
				return driver;
			}
		}
		throw new SQLException(
				"No JDBC driver for " + this.url + " on the class path; add the driver as a dependency of the project");
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
