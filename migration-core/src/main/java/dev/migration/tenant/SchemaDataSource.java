package dev.migration.tenant;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.migration.sql.Dialect;

/**
 * Connections whose current schema is one tenant's (PostgreSQL and H2 {@code setSchema},
 * MariaDB {@code setCatalog}), so that a tenant's scripts run in it unqualified; the
 * previous schema is restored before a connection goes back to its pool.
 */
final class SchemaDataSource implements DataSource {

	private final DataSource target;

	private final Dialect dialect;

	private final String schema;

	SchemaDataSource(DataSource target, Dialect dialect, String schema) {
		this.target = target;
		this.dialect = dialect;
		this.schema = schema;
	}

	/** Create the schema (MariaDB: database) if it is missing. */
	void create() throws SQLException {
		if (this.dialect == Dialect.SQLITE) {
			return;
		}
		try (Connection connection = this.target.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(((this.dialect == Dialect.MYSQL) ? "CREATE DATABASE IF NOT EXISTS "
					: "CREATE SCHEMA IF NOT EXISTS ") + this.schema);
		}
	}

	@Override
	public Connection getConnection() throws SQLException {
		return wrap(this.target.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return wrap(this.target.getConnection(username, password));
	}

	private Connection wrap(Connection connection) throws SQLException {
		boolean catalog = this.dialect == Dialect.MYSQL;
		String previous;
		try {
			previous = catalog ? connection.getCatalog() : connection.getSchema();
			if (catalog) {
				connection.setCatalog(this.schema);
			}
			else if (this.dialect != Dialect.SQLITE) {
				connection.setSchema(this.schema);
			}
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("close") && method.getParameterCount() == 0) {
						try {
							if (previous != null && !connection.isClosed()) {
								if (catalog) {
									connection.setCatalog(previous);
								}
								else if (this.dialect != Dialect.SQLITE) {
									connection.setSchema(previous);
								}
							}
						}
						catch (SQLException ex) {
							// closing anyway
						}
						connection.close();
						return null;
					}
					if (method.getName().equals("unwrap") && args != null && args[0] == Connection.class) {
						return proxy;
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.target.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.target.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.target.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.target.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.target.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		return this.target.unwrap(iface);
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) throws SQLException {
		return this.target.isWrapperFor(iface);
	}

	@Override
	public String toString() {
		return this.target + " (schema " + this.schema + ")";
	}

}
