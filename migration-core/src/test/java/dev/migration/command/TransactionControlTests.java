package dev.migration.command;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migration.MigrationConfig;
import dev.migration.ScriptParseException;
import dev.migration.sql.Dialect;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Transaction control at the top level of a transactional revision is refused before
 * anything runs, naming the file, the line and the remedy; inside bodies it is not top
 * level, and a {@code transactional: false} revision may use it.
 */
class TransactionControlTests {

	@TempDir
	Path dir;

	private static String refusal(String location, int line, String command, String section) {
		return location + ":" + line + ": " + command + " in the " + section + " section of a transactional "
				+ "revision would end the transaction the revision runs in, so a later failure could not roll back "
				+ "what ran before it; remove it, or add the header '-- transactional: false' to run the revision "
				+ "statement by statement without a transaction of its own";
	}

	@EachDatabase({ DatabaseKind.POSTGRESQL, DatabaseKind.SQLITE, DatabaseKind.H2 })
	void commitInATransactionalRevisionIsRefusedBeforeAnythingRuns(TestDatabase db) {
		Scripts scripts = new Scripts(this.dir).add("a1", "", "CREATE TABLE t1 (id INT PRIMARY KEY);", null)
			.add("a2", "a1", "CREATE TABLE a (id INT);\nCOMMIT;\nCREATE TABLE b (id INT);\nSELECT 1/0;", null);
		Migrator migrator = scripts.migrator(db);
		assertThatExceptionOfType(ScriptParseException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessage(refusal(scripts.location("a2"), 7, "COMMIT", "upgrade"));
		assertThat(Rows.userTables(db)).isEmpty();
	}

	/**
	 * {@code validate} (also the startup's) and {@code scriptProblems} (the CLI's
	 * {@code status}) name the same refusal without running; not on MariaDB, whose DDL
	 * commits anyway, nor in a {@code transactional: false} revision.
	 */
	@EachDatabase({ DatabaseKind.POSTGRESQL, DatabaseKind.SQLITE, DatabaseKind.H2, DatabaseKind.MARIADB })
	void validateAndScriptProblemsNameItWithoutRunning(DatabaseKind kind, TestDatabase db) {
		Scripts scripts = new Scripts(this.dir).add("a1", "", "CREATE TABLE t1 (id INT PRIMARY KEY);", null)
			.add("a2", "a1", "CREATE TABLE a (id INT);\nCOMMIT;\nCREATE TABLE b (id INT);", "DROP TABLE b;")
			.write("a3", "a2", "-- transactional: false\n", "BEGIN;\nCREATE TABLE c (id INT);\nCOMMIT;", null);
		Migrator migrator = scripts.migrator(db);
		if (kind == DatabaseKind.MARIADB) {
			assertThat(migrator.scriptProblems()).isEmpty();
			assertThat(migrator.validate().problems()).isEmpty();
			return;
		}
		String problem = refusal(scripts.location("a2"), 7, "COMMIT", "upgrade");
		assertThat(migrator.scriptProblems()).containsExactly(problem);
		assertThat(migrator.validate().problems()).containsExactly(problem);
		assertThat(migrator.validate().isValid()).isFalse();
		assertThat(Rows.userTables(db)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "COMMIT", "commit work", "ROLLBACK", "BEGIN", "begin transaction", "START TRANSACTION",
			"END", "ABORT", "/* why */ COMMIT" })
	void everyTransactionControlStatementIsRefusedOnPostgresql(String statement) {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			Scripts scripts = new Scripts(this.dir).add("a1", "", "CREATE TABLE t1 (id INT);\n" + statement + ";",
					null);
			String word = statement.replace("/* why */ ", "").toUpperCase(java.util.Locale.ROOT).split(" ")[0];
			String command = word.equals("START") ? "START TRANSACTION" : word;
			assertThatExceptionOfType(ScriptParseException.class)
				.isThrownBy(() -> scripts.migrator(db).upgrade("heads"))
				.withMessage(refusal(scripts.location("a1"), 6, command, "upgrade"));
			assertThat(Rows.userTables(db)).isEmpty();
		}
	}

	@Test
	void transactionControlInADowngradeSectionIsRefusedToo() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.SQLITE)) {
			Scripts scripts = new Scripts(this.dir).add("a1", "", "CREATE TABLE t1 (id INT);",
					"DROP TABLE t1;\nEND TRANSACTION;");
			Migrator migrator = scripts.migrator(db);
			migrator.upgrade("heads");
			assertThatExceptionOfType(ScriptParseException.class).isThrownBy(() -> migrator.downgrade("base"))
				.withMessage(refusal(scripts.location("a1"), 9, "END", "downgrade"));
			assertThat(db.tables()).contains("t1");
		}
	}

	@Test
	void offlineSqlRefusesItAsWell() {
		Scripts scripts = new Scripts(this.dir).add("a1", "", "CREATE TABLE t1 (id INT);\nCOMMIT;", null);
		Migrator migrator = new Migrator(
				MigrationConfig.builder().dialect(Dialect.POSTGRESQL).locations(scripts.location()).build());
		assertThatExceptionOfType(ScriptParseException.class).isThrownBy(() -> migrator.upgradeSql("base:heads"))
			.withMessage(refusal(scripts.location("a1"), 6, "COMMIT", "upgrade"));
	}

	@Test
	void transactionControlInsideBodiesIsNotTopLevel() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			String procedure = """
					CREATE TABLE t1 (id INT);
					CREATE PROCEDURE p1() LANGUAGE plpgsql AS $$
					BEGIN
					  INSERT INTO t1 VALUES (1);
					  COMMIT;
					END;
					$$;
					DO $$ BEGIN PERFORM 1; END $$;
					SAVEPOINT s1;
					ROLLBACK TO SAVEPOINT s1;
					SELECT 'COMMIT';""";
			Scripts scripts = new Scripts(this.dir).add("a1", "", procedure, null);
			scripts.migrator(db).upgrade("heads");
			assertThat(db.tables()).contains("t1");
		}
	}

	@Test
	void sqliteTriggerBodiesAreNotTopLevel() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.SQLITE)) {
			Scripts scripts = new Scripts(this.dir).add("a1", "",
					"CREATE TABLE t1 (id INT);\nCREATE TABLE t2 (id INT);\n"
							+ "CREATE TRIGGER tr1 AFTER INSERT ON t1 BEGIN\n  INSERT INTO t2 VALUES (NEW.id);\nEND;",
					null);
			scripts.migrator(db).upgrade("heads");
			assertThat(db.tables()).contains("t1", "t2");
		}
	}

	@EachDatabase({ DatabaseKind.POSTGRESQL, DatabaseKind.SQLITE, DatabaseKind.H2 })
	void aNonTransactionalRevisionMayControlItsTransactions(DatabaseKind kind, TestDatabase db) {
		String begin = (kind == DatabaseKind.H2) ? "SET AUTOCOMMIT FALSE" : "BEGIN";
		Scripts scripts = new Scripts(this.dir).write("a1", "", "-- transactional: false\n",
				"CREATE TABLE t1 (id INT);\n" + begin + ";\nINSERT INTO t1 VALUES (1);\nCOMMIT;", null);
		scripts.migrator(db).upgrade("heads");
		assertThat(db.query("SELECT id FROM t1")).containsExactly(java.util.List.of("1"));
	}

	@Test
	void mysqlIsNotChecked() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.MARIADB)) {
			Scripts scripts = new Scripts(this.dir).add("a1", "",
					"CREATE TABLE t1 (id INT);\nSTART TRANSACTION;\nINSERT INTO t1 VALUES (1);\nCOMMIT;", null);
			scripts.migrator(db).upgrade("heads");
			assertThat(db.query("SELECT id FROM t1")).containsExactly(java.util.List.of("1"));
		}
	}

}
