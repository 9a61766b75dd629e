package dev.migration.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.MigrationFailedException;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.RoundTrips;
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
	void transactionalRevisionOfThreeStatementsCostsOneRoundTrip() {
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
			List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
			Migrator migrator = upgradedCounting(scripts, db, "r1", trips, batches);
			migrator.upgrade("r2");
			List<String> one = List.copyOf(trips);
			trips.clear();
			batches.clear();
			migrator.upgrade("heads");
			List<String> ten = List.copyOf(trips);
			System.out.println("Round trips, upgrade of one revision: " + one);
			// the 10 revisions cost 9 revisions more than the one: 1 round trip each, the
			// batch of its 3 statements, one statement for the version table and the
			// history row, and COMMIT; the first revision's batch also prepares that
			// statement for the session
			assertThat(ten.size() - one.size()).as("one revision: %s%nten: %s", one, ten).isEqualTo(9);
			assertThat(ten).filteredOn((trip) -> trip.startsWith("batch of 5")).hasSize(9);
			assertThat(ten).filteredOn((trip) -> trip.startsWith("batch of 6")).hasSize(1);
			assertThat(ten).doesNotContain("commit");
			List<String> first = batches.get(0);
			assertThat(first.get(3)).as("%s", first)
				.startsWith("PREPARE migration_w")
				.contains("_1(text, text, text, text, text, text, timestamptz, timestamptz, text, boolean, integer, "
						+ "integer, text) AS WITH written AS (UPDATE migration_version SET version_num = $1 WHERE "
						+ "version_num = $2 RETURNING 1), recorded1 AS (INSERT INTO migration_history ")
				.contains("$8 + (clock_timestamp() - transaction_timestamp())");
			String name = first.get(3).substring("PREPARE ".length(), first.get(3).indexOf('('));
			// every revision's bookkeeping is that prepared statement with its values
			assertThat(batches)
				.allSatisfy((batch) -> assertThat(batch.get(batch.size() - 2)).startsWith("EXECUTE " + name + "(E'r")
					.contains("CAST('"));
			// the session ends by giving the name back, with the other session reset
			assertThat(ten.get(ten.size() - 2)).as("%s", ten)
				.isEqualTo("execute: RESET client_connection_check_interval; DEALLOCATE " + name);
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
	void firstRunOnAnEmptySchemaCreatesTheTablesInOneRoundTripAndReadsNothingBack() {
		Scripts scripts = new Scripts(this.dir);
		scripts.add("r1", "", "CREATE TABLE rt_base (id INT PRIMARY KEY);", null);
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			List<String> trips = Collections.synchronizedList(new ArrayList<>());
			new Migrator(scripts.config(db).dataSource(RoundTrips.counting(db.dataSource(), trips)).build())
				.upgrade("heads");
			// from the baseline's read of the version table, which fails, to the
			// revision's batch: one query says the schema holds nothing (the detailed
			// inventory is not run), the probe of the version table, the tables created
			// in one statement; then neither table is read back, both were just created
			int read = trips.indexOf("execute: SELECT version_num FROM migration_version ORDER BY version_num");
			assertThat(read).as("%s", trips).isPositive();
			assertThat(trips.subList(read + 1, read + 3)).as("%s", trips)
				.containsExactly("execute: prepared", "execute: SELECT * FROM migration_version WHERE 1 = 0");
			assertThat(trips.get(read + 3)).as("%s", trips)
				.startsWith("execute: SELECT to_regclass('migration_history') IS NULL;\nCREATE TABLE IF NOT EXISTS "
						+ "migration_version")
				.contains("CREATE TABLE IF NOT EXISTS migration_history")
				.endsWith("INSERT INTO migration_history_format (format_version) SELECT 2 WHERE NOT EXISTS "
						+ "(SELECT 1 FROM migration_history_format)");
			assertThat(trips.get(read + 4)).as("%s", trips)
				.startsWith("batch of ")
				.endsWith(": CREATE TABLE rt_base (id INT PRIMARY KEY)");
			assertThat(scripts.migrator(db).current()).containsExactly("r1");
			assertThat(db.query("SELECT format_version FROM migration_history_format")).containsExactly(List.of("2"));
		}
	}

	@Test
	void nonTransactionalRevisionCostsOneRoundTripBesideItsStatements() {
		Scripts scripts = new Scripts(this.dir);
		scripts.add("r1", "", "CREATE TABLE rt_base (id INT PRIMARY KEY, name TEXT);", null);
		scripts.write("r2", "r1", "-- transactional: false\n",
				"CREATE INDEX CONCURRENTLY rt_base_name ON rt_base (name);\n"
						+ "CREATE INDEX CONCURRENTLY rt_base_both ON rt_base (id, name);",
				null);
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			List<String> trips = upgradeFrom(scripts, db, "r1");
			int first = trips.indexOf("execute: CREATE INDEX CONCURRENTLY rt_base_name ON rt_base (name)");
			assertThat(first).as("%s", trips).isPositive();
			// its row and id in one statement before; after the first statement its
			// count;
			// after the last, the count, the version table and the commit in one batch
			assertThat(trips.get(first - 1)).as("%s", trips).startsWith("execute: prepared");
			assertThat(trips.subList(first + 1, first + 3)).as("%s", trips)
				.containsExactly("execute: prepared",
						"execute: CREATE INDEX CONCURRENTLY rt_base_both ON rt_base (id, name)");
			// the version table and the row's close in one statement (prepared for the
			// session first), then COMMIT
			assertThat(trips.get(first + 3)).as("%s", trips)
				.startsWith("batch of 3: PREPARE migration_w")
				.contains(" AS WITH written AS (UPDATE migration_version SET version_num = $1 WHERE "
						+ "version_num = $2 RETURNING 1), recorded1 AS (UPDATE migration_history SET finished_at")
				.endsWith(") INSERT INTO migration_version (version_num) SELECT NULL WHERE (SELECT count(*) FROM "
						+ "written) <> 1");
			assertThat(db.query("SELECT statements_done, statements_total, success FROM migration_history "
					+ "WHERE revision = 'r2'"))
				.containsExactly(List.of("2", "2", "t"));
			assertThat(scripts.migrator(db).current()).containsExactly("r2");
		}
	}

	@Test
	void statementThatReturnsRowsIsSentAlone() {
		Scripts scripts = new Scripts(this.dir);
		scripts.add("r1", "", "CREATE TABLE rt_base (id INT PRIMARY KEY);", null);
		scripts.add("r2", "r1", "CREATE TABLE rt_rows (id INT PRIMARY KEY);\nSELECT count(*) FROM rt_rows;\n"
				+ "INSERT INTO rt_rows VALUES (1);", null);
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			List<String> trips = upgradeFrom(scripts, db, "r1");
			int batch = trips.indexOf("batch of 1: CREATE TABLE rt_rows (id INT PRIMARY KEY)");
			assertThat(batch).as("%s", trips).isNotNegative();
			assertThat(trips.subList(batch + 1, batch + 3)).as("%s", trips)
				.containsExactly("execute: SELECT count(*) FROM rt_rows", "batch of 4: INSERT INTO rt_rows VALUES (1)");
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
	void failingHistoryRowInTheVersionStatementIsReportedAsItIsAndRollsBack() {
		Scripts scripts = new Scripts(this.dir);
		scripts.add("r1", "", "CREATE TABLE rt_base (id INT PRIMARY KEY);", null);
		scripts.add("r2", "r1", "CREATE TABLE rt_more (id INT PRIMARY KEY);", null);
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			Migrator migrator = scripts.migrator(db);
			migrator.upgrade("r1");
			// the history row of r2 no longer fits: its write, folded into the
			// version-table statement, fails that statement
			db.execute("ALTER TABLE migration_history ALTER COLUMN location TYPE VARCHAR(3) USING left(location, 3)");
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
				.satisfies((ex) -> {
					assertThat(ex.isRolledBack()).isTrue();
					assertThat(ex)
						.hasMessageStartingWith("Revision r2 (" + scripts.location("r2") + ") failed: ERROR: "
								+ "value too long for type character varying(3)")
						.hasMessageNotContaining("updating 'r1'");
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
			// a savepoint, the statement and its progress row: one batch, in the
			// transaction the CREATE's progress is open in; the last statement's count
			// goes with the row's close; its failure rolls back to its savepoint, and the
			// failure row commits with what was open
			assertThat(trips).as("%s", trips)
				.containsSubsequence("batch of 3: SAVEPOINT migration_statement",
						"batch of 2: SAVEPOINT migration_statement",
						"execute: ROLLBACK TO SAVEPOINT migration_statement", "commit");
			assertThat(trips).as("%s", trips).doesNotContain("rollback");
			assertThat(db.query("SELECT count(*) FROM rt_dml")).containsExactly(List.of("1"));
			assertThat(db.query("SELECT statements_done, success FROM migration_history WHERE revision = 'r2'"))
				.containsExactly(List.of("2", "0"));
			assertThat(migrator.current()).containsExactly("r1");
		}
	}

	/**
	 * The round trips of upgrading to the heads from {@code from}.
	 */
	private static List<String> upgradeFrom(Scripts scripts, TestDatabase db, String from) {
		List<String> trips = Collections.synchronizedList(new ArrayList<>());
		upgradedCounting(scripts, db, from, trips).upgrade("heads");
		return trips;
	}

	/**
	 * A migrator on the database, upgraded to the target, that from then on records its
	 * round trips in {@code trips}.
	 */
	private static Migrator upgradedCounting(Scripts scripts, TestDatabase db, String target, List<String> trips) {
		return upgradedCounting(scripts, db, target, trips, new ArrayList<>());
	}

	private static Migrator upgradedCounting(Scripts scripts, TestDatabase db, String target, List<String> trips,
			List<List<String>> batches) {
		Migrator migrator = new Migrator(
				scripts.config(db).dataSource(RoundTrips.counting(db.dataSource(), trips, batches)).build());
		migrator.upgrade(target);
		trips.clear();
		batches.clear();
		return migrator;
	}

}
