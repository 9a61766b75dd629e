package dev.migration.command;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.MigrationFailedException;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The engine's writes prepared once per session on PostgreSQL ({@link PreparedWrites}),
 * on one physical connection kept across runs as a pool keeps it: every run gives its
 * prepared statements back, after success and after a failure, and the next run on the
 * same connection works.
 */
class PreparedWritesTests {

	@TempDir
	Path dir;

	@Test
	void pooledConnectionComesBackWithoutPreparedStatementsAfterSuccessAndFailure() throws Exception {
		Scripts scripts = new Scripts(this.dir);
		scripts.add("r1", "", "CREATE TABLE pw_base (id INT PRIMARY KEY);", null);
		scripts.add("r2", "r1", "CREATE TABLE pw_two (id INT PRIMARY KEY);\nINSERT INTO pw_two VALUES (1);", null);
		scripts.write("r3", "r2", "-- transactional: false\n",
				"CREATE INDEX CONCURRENTLY pw_two_id ON pw_two (id);\nCREATE TABLE pw_three (id INT);", null);
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL); Connection kept = db.connect()) {
			DataSource pool = keeping(kept);
			new Migrator(scripts.config(db).dataSource(pool).build()).upgrade("r2");
			assertThat(preparedOn(kept)).isEmpty();
			assertThat(db.query("SELECT count(*) FROM migration_history WHERE success")).containsExactly(List.of("2"));
			// a failing revision: its batch (statements, then the PREPARE of the
			// version statement) stops at the duplicate key, so the PREPARE never ran
			scripts.add("r4", "r3", "CREATE TABLE pw_four (id INT PRIMARY KEY);\nINSERT INTO pw_four VALUES (1);\n"
					+ "INSERT INTO pw_four VALUES (1);", null);
			Migrator migrator = new Migrator(scripts.config(db).dataSource(pool).build());
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
				.satisfies((ex) -> assertThat(ex.getStatementIndex()).isEqualTo(3));
			assertThat(preparedOn(kept)).isEmpty();
			assertThat(kept.getAutoCommit()).isTrue();
			assertThat(migrator.current()).containsExactly("r3");
			scripts.add("r4", "r3", "CREATE TABLE pw_four (id INT PRIMARY KEY);\nINSERT INTO pw_four VALUES (1);",
					null);
			scripts.add("r5", "r4", "INSERT INTO pw_four VALUES (2);", null);
			new Migrator(scripts.config(db).dataSource(pool).build()).upgrade("heads");
			assertThat(preparedOn(kept)).isEmpty();
			assertThat(new Migrator(scripts.config(db).build()).current()).containsExactly("r5");
			assertThat(db.query("SELECT revision, statements_done, success FROM migration_history ORDER BY id"))
				.containsExactly(List.of("r1", "1", "t"), List.of("r2", "2", "t"), List.of("r3", "2", "t"),
						List.of("r4", "0", "f"), List.of("r4", "2", "t"), List.of("r5", "1", "t"));
		}
	}

	@Test
	void failureOfTheHistoryWriteAfterItsPrepareLeavesNothingPrepared() throws Exception {
		Scripts scripts = new Scripts(this.dir);
		scripts.add("r1", "", "CREATE TABLE pw_base (id INT PRIMARY KEY);", null);
		scripts.add("r2", "r1", "CREATE TABLE pw_more (id INT PRIMARY KEY);", null);
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL); Connection kept = db.connect()) {
			DataSource pool = keeping(kept);
			new Migrator(scripts.config(db).dataSource(pool).build()).upgrade("r1");
			// the PREPARE runs, then its EXECUTE fails: the name exists in the session
			// although the batch failed, and is still given back
			db.execute("ALTER TABLE migration_history ALTER COLUMN location TYPE VARCHAR(3) USING left(location, 3)");
			Migrator migrator = new Migrator(scripts.config(db).dataSource(pool).build());
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
				.withMessageContaining("value too long for type character varying(3)");
			assertThat(preparedOn(kept)).isEmpty();
			assertThat(migrator.current()).containsExactly("r1");
		}
	}

	/** The engine's prepared statements in the session of {@code connection}. */
	private static List<String> preparedOn(Connection connection) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT name FROM pg_prepared_statements WHERE name LIKE 'migration%'")) {
			while (rs.next()) {
				names.add(rs.getString(1));
			}
		}
		return names;
	}

	/** A pool of one connection, handed out again and again; closing gives it back. */
	private static DataSource keeping(Connection connection) {
		Connection handle = (Connection) Proxy.newProxyInstance(PreparedWritesTests.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("close")) {
						return null;
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
		return (DataSource) Proxy.newProxyInstance(PreparedWritesTests.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					if (method.getName().equals("getConnection")) {
						return handle;
					}
					if (method.getName().equals("toString")) {
						return "one kept connection";
					}
					throw new UnsupportedOperationException(method.getName());
				});
	}

}
