package dev.migration.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migration.script.SqlSplitter;
import dev.migration.script.SqlStatement;
import dev.migration.sql.Dialect;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

/**
 * A database another process can reach: the fixture's, except H2, whose in-memory
 * databases live in one JVM; there a file database in a temporary directory.
 */
final class ProcessDatabase implements AutoCloseable {

	private final DatabaseKind kind;

	private final @Nullable TestDatabase fixture;

	private final String url;

	private final String user;

	private final String password;

	private final @Nullable Path h2Directory;

	private ProcessDatabase(DatabaseKind kind, @Nullable TestDatabase fixture, String url, String user, String password,
			@Nullable Path h2Directory) {
		this.kind = kind;
		this.fixture = fixture;
		this.url = url;
		this.user = user;
		this.password = password;
		this.h2Directory = h2Directory;
	}

	static ProcessDatabase create(DatabaseKind kind) {
		if (kind == DatabaseKind.H2) {
			try {
				Path directory = Files.createTempDirectory("migration-h2");
				return new ProcessDatabase(kind, null, "jdbc:h2:file:" + directory.resolve("db"), "sa", "", directory);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		TestDatabase database = TestDatabase.create(kind);
		return new ProcessDatabase(kind, database, database.url(), database.user(), database.password(), null);
	}

	DatabaseKind kind() {
		return this.kind;
	}

	Dialect dialect() {
		return this.kind.dialect();
	}

	String url() {
		return this.url;
	}

	String user() {
		return this.user;
	}

	String password() {
		return this.password;
	}

	List<String> versionTable() {
		List<String> versions = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(this.url, this.user, this.password);
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT version_num FROM migration_version ORDER BY version_num")) {
			while (rows.next()) {
				versions.add(rows.getString(1));
			}
			return versions;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether a table exists, read through JDBC metadata. */
	boolean hasTable(String name) {
		try (Connection connection = DriverManager.getConnection(this.url, this.user, this.password)) {
			for (String candidate : List.of(name, name.toUpperCase(java.util.Locale.ROOT))) {
				try (ResultSet tables = connection.getMetaData()
					.getTables(connection.getCatalog(), connection.getSchema(), candidate, null)) {
					if (tables.next()) {
						return true;
					}
				}
			}
			return false;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The rows of a query, each value as text ({@code "null"} for NULL). */
	List<List<String>> query(String sql) {
		try (Connection connection = DriverManager.getConnection(this.url, this.user, this.password);
				Statement statement = connection.createStatement();
				java.sql.ResultSet rows = statement.executeQuery(sql)) {
			List<List<String>> result = new java.util.ArrayList<>();
			while (rows.next()) {
				List<String> row = new java.util.ArrayList<>();
				for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
					row.add(String.valueOf(rows.getString(i)));
				}
				result.add(row);
			}
			return result;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Runs an offline script statement by statement, as a database client would. */
	void runScript(String script) {
		try (Connection connection = DriverManager.getConnection(this.url, this.user, this.password);
				Statement statement = connection.createStatement()) {
			for (SqlStatement each : SqlSplitter.split(script, dialect(), 1, "offline.sql")) {
				statement.execute(each.sql());
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		if (this.fixture != null) {
			this.fixture.close();
		}
		if (this.h2Directory != null) {
			try (var files = Files.list(this.h2Directory)) {
				for (Path file : files.toList()) {
					Files.deleteIfExists(file);
				}
				Files.deleteIfExists(this.h2Directory);
			}
			catch (IOException ex) {
				// a temporary file left behind does not affect other tests
			}
		}
	}

}
