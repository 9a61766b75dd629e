package dev.migration.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migration.MigrationContext;
import dev.migration.MigrationException;
import dev.migration.Revision;
import dev.migration.sql.Dialect;

/**
 * A migration context for operation tests: executes on a connection (autocommit), or
 * offline records the statements, as the engine's sinks do. Either way it keeps the
 * statements.
 */
public class TestContext implements MigrationContext {

	private final Dialect dialect;

	private final @Nullable Connection connection;

	private final List<String> statements = new ArrayList<>();

	protected TestContext(Dialect dialect, @Nullable Connection connection) {
		this.dialect = dialect;
		this.connection = connection;
	}

	public static TestContext online(Dialect dialect, Connection connection) {
		return new TestContext(dialect, connection);
	}

	public static TestContext offline(Dialect dialect) {
		return new TestContext(dialect, null);
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
		return this.connection == null;
	}

	@Override
	public Connection connection() {
		if (this.connection == null) {
			throw new MigrationException("offline: no connection");
		}
		return this.connection;
	}

	@Override
	public void execute(String sql) {
		this.statements.add(sql);
		if (this.connection != null) {
			try (Statement statement = this.connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException ex) {
				throw new MigrationException(sql + ": " + ex.getMessage(), ex);
			}
		}
	}

	public List<String> statements() {
		return this.statements;
	}

	/** The recorded statements as a script, each ended with a semicolon. */
	public String script() {
		StringBuilder script = new StringBuilder();
		for (String sql : this.statements) {
			script.append(sql).append(";\n");
		}
		return script.toString();
	}

}
