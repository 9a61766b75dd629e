package dev.migration.tenant;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import dev.migration.sql.Dialect;

/**
 * Connections whose current schema is one tenant's (PostgreSQL and H2 {@code setSchema},
 * MariaDB {@code setCatalog}), so that a tenant's scripts run in it unqualified; the
 * previous schema is restored before a connection goes back to its pool.
 */
final class SchemaDataSource extends WrappingDataSource {

	private final Dialect dialect;

	private final String schema;

	SchemaDataSource(DataSource target, Dialect dialect, String schema) {
		super(target);
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
		return closingWith(connection, (raw) -> {
			try {
				if (previous != null && !raw.isClosed()) {
					if (catalog) {
						raw.setCatalog(previous);
					}
					else if (this.dialect != Dialect.SQLITE) {
						raw.setSchema(previous);
					}
				}
			}
			catch (SQLException ex) {
				// closing anyway
			}
			raw.close();
		});
	}

	@Override
	public String toString() {
		return this.target + " (schema " + this.schema + ")";
	}

}
