package dev.migration.autogenerate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.migration.MigrationException;
import dev.migration.sql.Dialect;

/**
 * A throw-away database of the target's own kind, into which desired DDL (a
 * {@code schema.sql}, or Hibernate's DDL for the entities) is executed and read back with
 * the same {@link SchemaReader} as the live database, so both sides of the comparison
 * come through one reader: a new schema on the target's PostgreSQL server, a new database
 * on its MySQL/MariaDB server, a new in-memory H2 or SQLite database.
 */
final class Scratch {

	private Scratch() {
	}

	static SchemaModel load(Dialect dialect, Connection target, List<String> statements, String source) {
		String name = "migration_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try {
			return switch (dialect) {
				case H2 -> inMemory("jdbc:h2:mem:" + name, dialect, statements, source);
				case SQLITE -> inMemory("jdbc:sqlite::memory:", dialect, statements, source);
				case POSTGRESQL -> onServer(target, dialect, name, statements, source);
				case MYSQL -> onServer(target, dialect, name, statements, source);
			};
		}
		catch (SQLException ex) {
			throw new MigrationException("Cannot prepare a scratch " + dialect + " database for " + source + ": "
					+ ex.getMessage() + "; the user needs the right to create a schema (PostgreSQL) or database "
					+ "(MySQL/MariaDB)", ex);
		}
	}

	private static SchemaModel inMemory(String url, Dialect dialect, List<String> statements, String source)
			throws SQLException {
		try (Connection connection = DriverManager.getConnection(url)) {
			run(connection, statements, source);
			return SchemaReader.read(connection, dialect, null, Set.of());
		}
	}

	private static SchemaModel onServer(Connection target, Dialect dialect, String name, List<String> statements,
			String source) throws SQLException {
		boolean autoCommit = target.getAutoCommit();
		String original = (dialect == Dialect.POSTGRESQL) ? single(target, "SHOW search_path")
				: single(target, "SELECT DATABASE()");
		target.setAutoCommit(true);
		try (Statement statement = target.createStatement()) {
			if (dialect == Dialect.POSTGRESQL) {
				statement.execute("CREATE SCHEMA " + name);
				statement.execute("SET search_path TO " + name);
			}
			else {
				statement.execute("CREATE DATABASE " + name);
				statement.execute("USE " + name);
			}
			try {
				run(target, statements, source);
				return SchemaReader.read(target, dialect, name, Set.of());
			}
			finally {
				if (dialect == Dialect.POSTGRESQL) {
					statement.execute("SET search_path TO " + original);
					statement.execute("DROP SCHEMA " + name + " CASCADE");
				}
				else {
					if (original != null) {
						statement.execute("USE `" + original.replace("`", "``") + "`");
					}
					statement.execute("DROP DATABASE " + name);
				}
			}
		}
		finally {
			target.setAutoCommit(autoCommit);
		}
	}

	private static String single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			return rs.next() ? rs.getString(1) : null;
		}
	}

	private static void run(Connection connection, List<String> statements, String source) {
		for (String sql : statements) {
			try (Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException ex) {
				throw new MigrationException(
						"The desired schema from " + source + " does not run on a scratch database: " + ex.getMessage()
								+ "\nstatement: " + sql.strip().substring(0, Math.min(sql.strip().length(), 200))
								+ "\nfix the statement in " + source,
						ex);
			}
		}
	}

}
