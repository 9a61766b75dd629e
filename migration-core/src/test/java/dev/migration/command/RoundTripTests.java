package dev.migration.command;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
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
 * Round trips per revision on PostgreSQL, counted at the JDBC level around the real
 * driver (not a mock): every statement execution, every batch (pgjdbc pipelines it: one
 * round trip), every commit and rollback, every metadata query. A run's fixed cost (lock,
 * reading the tables) is the same for one revision as for ten, so the difference between
 * the two runs is what the revisions cost.
 */
class RoundTripTests {

	@TempDir
	Path dir;

	@Test
	void transactionalRevisionOfThreeStatementsCostsTwoRoundTrips() {
		Scripts scripts = new Scripts(this.dir);
		scripts.add("r1", "", "CREATE TABLE rt_base (id INT PRIMARY KEY);", null);
		for (int i = 2; i <= 12; i++) {
			scripts.add("r" + i, "r" + (i - 1),
					"CREATE TABLE rt_" + i + " (id INT PRIMARY KEY, name TEXT);\n" + "CREATE INDEX rt_" + i
							+ "_name ON rt_" + i + " (name);\n" + "INSERT INTO rt_" + i + " VALUES (1, 'it''s');",
					null);
		}
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			List<String> trips = Collections.synchronizedList(new ArrayList<>());
			Migrator migrator = upgradedCounting(scripts, db, "r1", trips);
			migrator.upgrade("r2");
			List<String> one = List.copyOf(trips);
			trips.clear();
			migrator.upgrade("heads");
			List<String> ten = List.copyOf(trips);
			System.out.println("Round trips, upgrade of one revision: " + one);
			// the 10 revisions cost 9 revisions more than the one: 2 round trips each,
			// the
			// batch (3 statements, version table, history row) and the commit
			assertThat(ten.size() - one.size()).as("one revision: %s%nten: %s", one, ten).isEqualTo(9 * 2);
			assertThat(ten).filteredOn((trip) -> trip.startsWith("batch of 5")).hasSize(10);
			assertThat(migrator.current()).containsExactly("r12");
			assertThat(db.query("SELECT name FROM rt_12")).containsExactly(List.of("it's"));
			// the row's end and duration are the server's, from the transaction's start
			assertThat(
					db.query("SELECT count(*), count(*) FILTER (WHERE finished_at >= started_at AND duration_ms >= 0 "
							+ "AND success AND statements_done = 3 AND statements_total = 3) FROM migration_history "
							+ "WHERE revision <> 'r1'"))
				.containsExactly(List.of("11", "11"));
		}
	}

	@Test
	void upToDateRunIsOneRoundTrip() {
		Scripts scripts = new Scripts(this.dir);
		scripts.add("r1", "", "CREATE TABLE rt_base (id INT PRIMARY KEY);", null);
		scripts.add("r2", "r1", "CREATE TABLE rt_next (id INT PRIMARY KEY);", null);
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			List<String> trips = Collections.synchronizedList(new ArrayList<>());
			Migrator migrator = upgradedCounting(scripts, db, "heads", trips);
			assertThat(new Migrator(migrator.config()).upgrade("heads").steps()).isEmpty();
			// the version table and the history summary in one statement; no session
			// settings (those are for work under the lock)
			assertThat(trips).as("%s", trips).hasSize(1);
			assertThat(trips.get(0)).startsWith("execute: SELECT version_num FROM migration_version");
		}
	}

	@Test
	void statementThatReturnsRowsIsSentAlone() {
		Scripts scripts = new Scripts(this.dir);
		scripts.add("r1", "", "CREATE TABLE rt_base (id INT PRIMARY KEY);", null);
		scripts.add("r2", "r1", "CREATE TABLE rt_rows (id INT PRIMARY KEY);\nSELECT count(*) FROM rt_rows;\n"
				+ "INSERT INTO rt_rows VALUES (1);", null);
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			List<String> trips = Collections.synchronizedList(new ArrayList<>());
			Migrator migrator = upgradedCounting(scripts, db, "r1", trips);
			migrator.upgrade("heads");
			int batch = trips.indexOf("batch of 1: CREATE TABLE rt_rows (id INT PRIMARY KEY)");
			assertThat(batch).as("%s", trips).isNotNegative();
			assertThat(trips.subList(batch + 1, batch + 4)).as("%s", trips)
				.containsExactly("execute: SELECT count(*) FROM rt_rows", "batch of 3: INSERT INTO rt_rows VALUES (1)",
						"commit");
			assertThat(db.query("SELECT count(*) FROM rt_rows")).containsExactly(List.of("1"));
		}
	}

	@Test
	void failingStatementInBatchIsNamedAndEverythingRollsBack() {
		Scripts scripts = new Scripts(this.dir);
		scripts.add("r1", "", "CREATE TABLE rt_base (id INT PRIMARY KEY);", null);
		scripts.add("r2", "r1", """
				CREATE TABLE rt_fn (id INT PRIMARY KEY);
				CREATE FUNCTION rt_one() RETURNS INT AS $$
				BEGIN
				  RETURN 1;
				END;
				$$ LANGUAGE plpgsql;
				DO $$ BEGIN PERFORM rt_one(); END $$;
				INSERT INTO rt_fn VALUES (1);
				INSERT INTO rt_fn VALUES (1);
				INSERT INTO rt_fn VALUES (2);""", null);
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			Migrator migrator = scripts.migrator(db);
			migrator.upgrade("r1");
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
				.satisfies((ex) -> {
					assertThat(ex.getStatementIndex()).isEqualTo(5);
					assertThat(ex.getLine()).isEqualTo(14);
					assertThat(ex.isRolledBack()).isTrue();
					assertThat(ex.getMessage()).startsWith("Revision r2 (" + scripts.location("r2")
							+ ":14, statement 5) failed: ERROR: duplicate key value violates unique constraint");
				});
			assertThat(migrator.current()).containsExactly("r1");
			assertThat(Rows.userTables(db)).containsExactly("rt_base");
		}
	}

	@Test
	void mariadbDataChangeGoesWithItsProgressRowAndFailsExactly() {
		Scripts scripts = new Scripts(this.dir);
		scripts.add("r1", "", "CREATE TABLE rt_base (id INT PRIMARY KEY);", null);
		scripts.add("r2", "r1", "CREATE TABLE rt_dml (id INT PRIMARY KEY);\nINSERT INTO rt_dml VALUES (1);\n"
				+ "INSERT INTO rt_dml VALUES (1);", null);
		try (TestDatabase db = TestDatabase.create(DatabaseKind.MARIADB)) {
			List<String> trips = Collections.synchronizedList(new ArrayList<>());
			Migrator migrator = upgradedCounting(scripts, db, "r1", trips);
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
				.satisfies((ex) -> {
					assertThat(ex.getStatementIndex()).isEqualTo(3);
					assertThat(ex.getStatementsCompleted()).isEqualTo(2);
					assertThat(ex.getDatabaseMessage()).contains("Duplicate entry '1'");
				});
			// the statement and its progress row: one batch, then the commit
			assertThat(trips).as("%s", trips)
				.containsSubsequence("batch of 2: INSERT INTO rt_dml VALUES (1)", "commit",
						"batch of 2: INSERT INTO rt_dml VALUES (1)", "rollback");
			assertThat(db.query("SELECT count(*) FROM rt_dml")).containsExactly(List.of("1"));
			assertThat(db.query("SELECT statements_done, success FROM migration_history WHERE revision = 'r2'"))
				.containsExactly(List.of("2", "0"));
			assertThat(migrator.current()).containsExactly("r1");
		}
	}

	/**
	 * A data source whose connections log every round trip: "execute: SQL", "batch of N:
	 * first SQL", "commit", "rollback", "setClientInfo" (pgjdbc sends a {@code SET}),
	 * "metadata: method".
	 */
	static DataSource counting(DataSource target, List<String> trips) {
		return (DataSource) Proxy.newProxyInstance(RoundTripTests.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					Object result = invoke(target, method, args);
					return (result instanceof Connection connection) ? wrap(Connection.class, connection, trips)
							: result;
				});
	}

	private static Object wrap(Class<?> type, Object target, List<String> trips) {
		List<String> batch = new ArrayList<>();
		InvocationHandler handler = (proxy, method, args) -> {
			String name = method.getName();
			if (target instanceof Statement) {
				if (name.equals("addBatch") && args != null && args.length == 1) {
					batch.add((String) args[0]);
				}
				else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
					trips.add("batch of " + batch.size() + ": " + (batch.isEmpty() ? "" : batch.get(0)));
					batch.clear();
				}
				else if (name.startsWith("execute")) {
					trips.add("execute: " + ((args != null && args.length > 0) ? args[0] : "prepared"));
				}
			}
			if (target instanceof Connection
					&& (name.equals("commit") || name.equals("rollback") || name.equals("setClientInfo"))) {
				trips.add(name);
			}
			Object result = invoke(target, method, args);
			if (target instanceof DatabaseMetaData && result instanceof ResultSet) {
				trips.add("metadata: " + name);
			}
			return QueryCountTests.wrapStatements(result, (kind, each) -> wrap(kind, each, trips));
		};
		return Proxy.newProxyInstance(RoundTripTests.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * A migrator on the database, upgraded to the target, that from then on records its
	 * round trips in {@code trips}.
	 */
	private static Migrator upgradedCounting(Scripts scripts, TestDatabase db, String target, List<String> trips) {
		Migrator migrator = new Migrator(scripts.config(db).dataSource(counting(db.dataSource(), trips)).build());
		migrator.upgrade(target);
		trips.clear();
		return migrator;
	}

}
