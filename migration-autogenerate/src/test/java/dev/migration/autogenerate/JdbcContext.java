package dev.migration.autogenerate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.migration.MigrationContext;
import dev.migration.MigrationException;
import dev.migration.Revision;
import dev.migration.sql.Dialect;

/** Runs operations on a connection (autocommit), recording the statements. */
final class JdbcContext implements MigrationContext {

	private final Dialect dialect;

	private final Connection connection;

	final List<String> statements = new ArrayList<>();

	JdbcContext(Dialect dialect, Connection connection) {
		this.dialect = dialect;
		this.connection = connection;
	}

	@Override
	public Revision revision() {
		return Revision.of("0123456789ab");
	}

	@Override
	public Dialect dialect() {
		return this.dialect;
	}

	@Override
	public boolean isOffline() {
		return false;
	}

	@Override
	public Connection connection() {
		return this.connection;
	}

	@Override
	public void execute(String sql) {
		this.statements.add(sql);
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new MigrationException(sql + ": " + ex.getMessage(), ex);
		}
	}

}
