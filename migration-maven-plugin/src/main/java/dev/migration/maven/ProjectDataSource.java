package dev.migration.maven;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * Connections through the JDBC driver on the project's classpath. {@code DriverManager}
 * refuses drivers its caller's class loader cannot see, and the plugin's loader does not
 * see the project's dependencies, so the driver is found and called directly.
 */
final class ProjectDataSource implements DataSource {

	private final String url;

	private final @Nullable String user;

	private final @Nullable String password;

	private final ClassLoader classLoader;

	ProjectDataSource(String url, @Nullable String user, @Nullable String password, ClassLoader classLoader) {
		this.url = url;
		this.user = user;
		this.password = password;
		this.classLoader = classLoader;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return getConnection(this.user, this.password);
	}

	@Override
	public Connection getConnection(@Nullable String username, @Nullable String password) throws SQLException {
		Properties info = new Properties();
		if (username != null) {
			info.setProperty("user", username);
		}
		if (password != null) {
			info.setProperty("password", password);
		}
		for (Driver driver : ServiceLoader.load(Driver.class, this.classLoader)) {
			if (driver.acceptsURL(this.url)) {
				Connection connection = driver.connect(this.url, info);
				if (connection != null) {
					return connection;
				}
			}
		}
		throw new SQLException("No JDBC driver for " + this.url + " on the project's classpath; add the driver "
				+ "as a dependency of the project");
	}

	@Override
	public PrintWriter getLogWriter() {
		return null;
	}

	@Override
	public void setLogWriter(PrintWriter out) {
	}

	@Override
	public void setLoginTimeout(int seconds) {
	}

	@Override
	public int getLoginTimeout() {
		return 0;
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		throw new SQLException("not a wrapper");
	}

	@Override
	public boolean isWrapperFor(Class<?> type) {
		return false;
	}

}
