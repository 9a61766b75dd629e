package dev.migration.command;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migration.HistoryEntry.Direction;
import dev.migration.PartialMigrationException;
import dev.migration.Revision;
import dev.migration.script.SqlStatement;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A killed run leaves a history row with the statements that completed; the one after
 * them may or may not have run. These tests write that state as the engine does just
 * before the statement (the row, the statements before it run by hand), run or do not run
 * the statement, and check that the next upgrade decides right, finishes the revision
 * exactly once and writes its decision to the history.
 */
class ResumeTests {

	private static final String MARKER = "CREATE TABLE after_it (id INT);";

	@TempDir
	Path dir;

	/**
	 * Each form of DDL whose effect the catalog shows: set-up statements (recorded as
	 * done), the statement in doubt, on which databases.
	 */
	static Stream<Arguments> tracedStatements() {
		List<Arguments> cases = new ArrayList<>();
		for (boolean ran : List.of(true, false)) {
			for (DatabaseKind kind : List.of(DatabaseKind.MARIADB, DatabaseKind.H2)) {
				boolean maria = kind == DatabaseKind.MARIADB;
				List<String[]> forms = new ArrayList<>(List.of(new String[] { "", "CREATE TABLE x (id INT)" },
						new String[] { "CREATE TABLE x (id INT)", "DROP TABLE x" },
						new String[] { "CREATE TABLE x (id INT)", "ALTER TABLE x RENAME TO y" },
						new String[] { "", "CREATE VIEW v AS SELECT 1 AS one" },
						new String[] { "CREATE VIEW v AS SELECT 1 AS one", "DROP VIEW v" },
						new String[] { "CREATE TABLE x (id INT)", "CREATE INDEX i_x ON x (id)" },
						new String[] { "CREATE TABLE x (id INT)", "ALTER TABLE x ADD COLUMN c INT" },
						new String[] { "CREATE TABLE x (id INT, c INT)", "ALTER TABLE x DROP COLUMN c" },
						new String[] { "CREATE TABLE x (id INT, c INT)", "ALTER TABLE x RENAME COLUMN c TO d" },
						new String[] { "CREATE TABLE x (id INT, c INT)",
								"ALTER TABLE x ADD CONSTRAINT uq_c UNIQUE (c)" },
						new String[] { "CREATE TABLE x (id INT NOT NULL)", "ALTER TABLE x ADD PRIMARY KEY (id)" },
						new String[] { "CREATE TABLE p (id INT PRIMARY KEY);\nCREATE TABLE x (id INT, p INT)",
								"ALTER TABLE x ADD CONSTRAINT fk_p FOREIGN KEY (p) REFERENCES p (id)" },
						new String[] { "", "CREATE SEQUENCE s" },
						new String[] { "CREATE SEQUENCE s", "DROP SEQUENCE s" }));
				if (maria) {
					forms.add(new String[] { "CREATE TABLE x (id INT)", "RENAME TABLE x TO y" });
					forms.add(new String[] { "CREATE TABLE x (id INT);\nCREATE INDEX i_x ON x (id)",
							"DROP INDEX i_x ON x" });
					forms.add(new String[] { "CREATE TABLE x (id INT, c INT)", "ALTER TABLE x ADD INDEX i_c (c)" });
					forms
						.add(new String[] {
								"CREATE TABLE p (id INT PRIMARY KEY);\nCREATE TABLE x (id INT, p INT, CONSTRAINT fk_p "
										+ "FOREIGN KEY (p) REFERENCES p (id))",
								"ALTER TABLE x DROP FOREIGN KEY fk_p" });
					forms.add(new String[] { "CREATE TABLE x (id INT)",
							"CREATE TRIGGER tr_x BEFORE INSERT ON x FOR EACH ROW SET NEW.id = NEW.id + 1" });
					forms.add(new String[] { "", "CREATE FUNCTION f_one() RETURNS INT DETERMINISTIC RETURN 1" });
					forms.add(new String[] { "", "CREATE PROCEDURE p_one() SELECT 1" });
				}
				else {
					forms
						.add(new String[] { "CREATE TABLE x (id INT);\nCREATE INDEX i_x ON x (id)", "DROP INDEX i_x" });
					forms.add(new String[] { "CREATE TABLE x (id INT, c INT)",
							"ALTER TABLE x ALTER COLUMN c RENAME TO d" });
					forms.add(new String[] {
							"CREATE TABLE p (id INT PRIMARY KEY);\nCREATE TABLE x (id INT, p INT, CONSTRAINT fk_p "
									+ "FOREIGN KEY (p) REFERENCES p (id))",
							"ALTER TABLE x DROP CONSTRAINT fk_p" });
				}
				for (String[] form : forms) {
					cases.add(Arguments.of(kind, form[0], form[1], ran));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}: {2} (ran: {3})")
	@MethodSource("tracedStatements")
	void ddlInDoubtIsDecidedFromTheCatalog(DatabaseKind kind, String setUp, String statement, boolean ran) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			String body = (setUp.isEmpty() ? "" : setUp + ";\n") + statement + ";\n" + MARKER;
			int done = setUp.isEmpty() ? 0 : setUp.split(";\n").length;
			Scripts scripts = twoRevisions(body);
			interrupt(db, scripts, done, ran);
			scripts.migrator(db).upgrade("heads");
			assertThat(Rows.versions(db)).containsExactly("a2");
			assertThat(Rows.userTables(db)).contains("after_it");
			String decision = "statement " + (done + 1) + " of " + (done + 2) + " (line " + (6 + done) + ") "
					+ (ran ? "had run (" : "had not run (");
			assertThat(closedRow(db)).startsWith("The process ended mid-way; the next run resumed it: " + decision);
			assertThat(Rows.history(db)).containsExactly("a1 UPGRADE ok 1/1",
					"a2 UPGRADE failed " + done + "/" + (done + 2), "a2 UPGRADE ok " + (done + 2) + "/" + (done + 2));
		}
	}

	@EachDatabase({ DatabaseKind.MARIADB, DatabaseKind.H2 })
	void allStatementsRecordedFinishesTheBookkeeping(TestDatabase db) {
		Scripts scripts = twoRevisions("CREATE TABLE x (id INT);\nCREATE TABLE y (id INT);");
		interrupt(db, scripts, 2, false);
		// status and validate, which change nothing, report it with what a run will
		// do
		assertThat(scripts.migrator(db).validate().problems()).singleElement()
			.asString()
			.contains("Progress: statements 1-2 of 2 completed. The next upgrade or downgrade resumes it where "
					+ "it can tell what ran;");
		assertThat(scripts.migrator(db).upgrade("heads").steps()).extracting((step) -> step.revision())
			.containsExactly("a2");
		assertThat(Rows.versions(db)).containsExactly("a2");
		assertThat(closedRow(db)).isEqualTo("The process ended mid-way; the next run resumed it: all 2 statements "
				+ "had completed and only the version table was left to update: finished the bookkeeping");
		assertThat(Rows.history(db)).containsExactly("a1 UPGRADE ok 1/1", "a2 UPGRADE failed 2/2", "a2 UPGRADE ok 2/2");
	}

	@EachDatabase({ DatabaseKind.MARIADB, DatabaseKind.H2 })
	void dataChangesInDoubtHadNotRunAndRunOnce(TestDatabase db) {
		Scripts scripts = twoRevisions(
				"CREATE TABLE x (id INT);\nINSERT INTO x (id) VALUES (1);\nUPDATE x SET id = id + 1;\n" + MARKER);
		// what a kill leaves: the INSERT committed with its progress row, the UPDATE
		// rolled back with its own
		interrupt(db, scripts, 2, false);
		scripts.migrator(db).upgrade("heads");
		assertThat(db.query("SELECT id FROM x")).containsExactly(List.of("2"));
		assertThat(closedRow(db)).isEqualTo("The process ended mid-way; the next run resumed it: statement 3 of 4 "
				+ "(line 8) changes rows and commits together with its progress row, so it had not run: ran it "
				+ "again");
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "MARIADB", "H2" })
	void statementsThatGiveTheSameResultTwiceRunAgain(DatabaseKind kind) {
		String modify = (kind == DatabaseKind.MARIADB) ? "ALTER TABLE x MODIFY COLUMN c BIGINT"
				: "ALTER TABLE x ALTER COLUMN c SET DATA TYPE BIGINT";
		for (boolean ran : List.of(true, false)) {
			try (TestDatabase db = TestDatabase.create(kind)) {
				Scripts scripts = twoRevisions("CREATE TABLE x (id INT, c INT);\n" + modify + ";\n"
						+ "CREATE TABLE IF NOT EXISTS y (id INT);\nDROP TABLE IF EXISTS y;\n" + MARKER);
				interrupt(db, scripts, 1, ran);
				scripts.migrator(db).upgrade("heads");
				assertThat(Rows.versions(db)).containsExactly("a2");
				assertThat(closedRow(db))
					.endsWith("statement 2 of 5 (line 7) gives the same result when run twice: " + "ran it again");
			}
		}
	}

	@EachDatabase({ DatabaseKind.MARIADB, DatabaseKind.H2 })
	void aStatementWithoutAVisibleTraceStopsShowingItAndTheRemedies(TestDatabase db) {
		Scripts scripts = twoRevisions("CREATE TABLE x (id INT);\nALTER TABLE x ADD (c INT, d INT);\n" + MARKER);
		interrupt(db, scripts, 1, true);
		assertThatExceptionOfType(PartialMigrationException.class)
			.isThrownBy(() -> scripts.migrator(db).upgrade("heads"))
			.withMessage("A previous upgrade of revision a2 (" + scripts.location("a2") + ") did not finish (the "
					+ "process ended mid-way). Progress: statement 1 of 3 completed; statement 2 may or may not "
					+ "have run, and the engine cannot tell: it leaves no trace in the catalog that the engine "
					+ "knows how to check. The statement: ALTER TABLE x ADD (c INT, d INT) (line 7). Resolve it "
					+ "by hand before migrating again: either undo what ran and run 'repair' (or 'stamp a1'), or "
					+ "finish the revision by hand and run 'stamp a2'. Either records the resolution and clears "
					+ "this marker.");
		assertThat(Rows.versions(db)).containsExactly("a1");
		// finished by hand, then stamped: the documented way out still works
		db.execute("CREATE TABLE after_it (id INT)");
		scripts.migrator(db).stamp(List.of("a2"), false);
		assertThat(scripts.migrator(db).upgrade("heads").steps()).isEmpty();
	}

	@EachDatabase(DatabaseKind.MARIADB)
	void aFoldedDataChangeOnATableThatCannotRollBackStops(TestDatabase db) {
		// the CREATE's progress was to commit with the INSERT after it; the INSERT into a
		// MyISAM table stays although its transaction never committed
		Scripts scripts = twoRevisions("CREATE TABLE m (id INT) ENGINE=MyISAM;\nCREATE TABLE x (id INT);\n"
				+ "INSERT INTO m (id) VALUES (1);\n" + MARKER);
		interrupt(db, scripts, 1, true);
		db.execute("INSERT INTO m (id) VALUES (1)");
		assertThatExceptionOfType(PartialMigrationException.class)
			.isThrownBy(() -> scripts.migrator(db).upgrade("heads"))
			.withMessageContaining("statement 2 may or may not have run, and the engine cannot tell: the data change "
					+ "after it, which changes rows of m (a storage engine that cannot roll back), may have run "
					+ "too");
		assertThat(db.query("SELECT count(*) FROM m")).containsExactly(List.of("1"));
	}

	@EachDatabase({ DatabaseKind.MARIADB, DatabaseKind.H2 })
	void anEditedScriptIsNotResumed(TestDatabase db) {
		Scripts scripts = twoRevisions("CREATE TABLE x (id INT);\n" + MARKER);
		interrupt(db, scripts, 1, false);
		scripts.add("a2", "a1", "CREATE TABLE x (id INT);\nCREATE TABLE z (id INT);\n" + MARKER, null);
		assertThatExceptionOfType(PartialMigrationException.class)
			.isThrownBy(() -> scripts.migrator(db).upgrade("heads"))
			.withMessageContaining("Progress: statement 1 of 2 completed, and the engine cannot resume it on its "
					+ "own: its script changed since that run, so its statements may not be the ones that ran. "
					+ "Resolve it by hand");
	}

	@EachDatabase({ DatabaseKind.MARIADB, DatabaseKind.H2 })
	void anInterruptedDowngradeIsFinishedBeforeTheUpgrade(TestDatabase db) {
		Scripts scripts = new Scripts(this.dir).add("a1", "", "CREATE TABLE t1 (id INT);", "DROP TABLE t1;")
			.add("a2", "a1", "CREATE TABLE x (id INT);\nCREATE TABLE y (id INT);", "DROP TABLE y;\nDROP TABLE x;");
		Migrator migrator = scripts.migrator(db);
		migrator.upgrade("heads");
		writeRow(db, scripts, "a2", Direction.DOWNGRADE, 1, 2);
		db.execute("DROP TABLE y", "DROP TABLE x");
		migrator.upgrade("heads");
		assertThat(Rows.history(db)).containsExactly("a1 UPGRADE ok 1/1", "a2 UPGRADE ok 2/2",
				"a2 DOWNGRADE failed 1/2", "a2 DOWNGRADE ok 2/2", "a2 UPGRADE ok 2/2");
		assertThat(Rows.userTables(db)).contains("x", "y");
	}

	@EachDatabase({ DatabaseKind.MARIADB })
	void sessionSettingsOfStatementsThatRanAreSetAgain(TestDatabase db) {
		// without foreign_key_checks = 0 the second CREATE fails: no table p
		Scripts scripts = twoRevisions("SET foreign_key_checks = 0;\nCREATE TABLE x (id INT, p INT, CONSTRAINT "
				+ "fk_p FOREIGN KEY (p) REFERENCES p (id));\n" + MARKER);
		interrupt(db, scripts, 1, false);
		scripts.migrator(db).upgrade("heads");
		assertThat(Rows.userTables(db)).contains("x", "after_it");
	}

	@EachDatabase({ DatabaseKind.MARIADB })
	void aStatementStillRunningOnTheServerIsWaitedFor(TestDatabase db) throws Exception {
		String slow = "CREATE TABLE slow AS SELECT SLEEP(2) AS s";
		Scripts scripts = twoRevisions(slow + ";\n" + MARKER);
		interrupt(db, scripts, 0, false);
		// the killed client's statement, still running in the server
		CompletableFuture<Void> orphan = CompletableFuture.runAsync(() -> db.execute(slow));
		String probe = "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO = '" + slow + "'";
		for (int i = 0; i < 100 && db.query(probe).get(0).get(0).equals("0"); i++) {
			Thread.sleep(20);
		}
		scripts.migrator(db).upgrade("heads");
		orphan.get();
		assertThat(closedRow(db)).contains("statement 1 of 2 (line 6) had run (table slow exists)");
		assertThat(Rows.versions(db)).containsExactly("a2");
	}

	private Scripts twoRevisions(String body) {
		return new Scripts(this.dir).add("a1", "", "CREATE TABLE t1 (id INT);", "DROP TABLE t1;")
			.add("a2", "a1", body, null);
	}

	/**
	 * The state a kill leaves: a1 applied, a2's row with {@code done} statements, those
	 * statements committed, and the next one run or not.
	 */
	private static void interrupt(TestDatabase db, Scripts scripts, int done, boolean ranNext) {
		Migrator migrator = scripts.migrator(db);
		migrator.upgrade("a1");
		Revision a2 = migrator.graph().get("a2");
		List<SqlStatement> statements = RevisionExecution.statements(a2, Direction.UPGRADE, db.dialect());
		writeRow(db, scripts, "a2", Direction.UPGRADE, done, statements.size());
		int ran = ranNext ? done + 1 : done;
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			for (SqlStatement each : statements.subList(0, ran)) {
				statement.execute(each.sql());
			}
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void writeRow(TestDatabase db, Scripts scripts, String id, Direction direction, int done,
			int total) {
		String checksum = scripts.migrator(db).graph().get(id).checksum();
		db.execute("INSERT INTO migration_history (revision, direction, location, checksum, started_at, "
				+ "statements_done, statements_total) VALUES ('" + id + "', '" + direction.name() + "', '"
				+ scripts.location(id) + "', '" + checksum + "', CURRENT_TIMESTAMP, " + done + ", " + total + ")");
	}

	/** The error text of the row a resumption closed. */
	private static String closedRow(TestDatabase db) {
		return db.query("SELECT error_message FROM migration_history WHERE success = FALSE").get(0).get(0);
	}

}
