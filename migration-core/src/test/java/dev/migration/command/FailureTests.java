package dev.migration.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.ChecksumMismatchException;
import dev.migration.DowngradeNotSupportedException;
import dev.migration.InvalidConfigurationException;
import dev.migration.MigrationConfig;
import dev.migration.MigrationFailedException;
import dev.migration.PartialMigrationException;
import dev.migration.ValidationReport;
import dev.migration.VersionTableException;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FailureTests {

	private static final String THREE_STATEMENTS = """
			CREATE TABLE x1 (id INT PRIMARY KEY);
			CREATE TABLE x2 (id INT PRIMARY KEY);
			INSERT INTO missing_table VALUES (1);""";

	@TempDir
	Path dir;

	private Scripts failingSecondRevision() {
		return new Scripts(this.dir).add("a1", "", "CREATE TABLE t1 (id INT PRIMARY KEY);", "DROP TABLE t1;")
			.add("a2", "a1", THREE_STATEMENTS, "DROP TABLE x2;\nDROP TABLE x1;");
	}

	@EachDatabase({ DatabaseKind.SQLITE, DatabaseKind.POSTGRESQL })
	void failingThirdStatementRollsBackTheWholeRevision(DatabaseKind kind, TestDatabase db) {
		Scripts scripts = failingSecondRevision();
		Migrator migrator = scripts.migrator(db);
		MigrationFailedException ex = catchFailure(() -> migrator.upgrade("heads"));
		assertThat(ex.getDatabaseMessage()).containsIgnoringCase("missing_table");
		assertThat(ex).hasMessage("Revision a2 (" + scripts.location("a2") + ":8, statement 3) failed: "
				+ ex.getDatabaseMessage() + ". The revision was rolled back; the version table still says a1 and "
				+ "earlier revisions stay applied. Fix the script and run the command again");
		assertThat(ex.getRevision()).isEqualTo("a2");
		assertThat(ex.getStatementIndex()).isEqualTo(3);
		assertThat(ex.getLine()).isEqualTo(8);
		if (kind == DatabaseKind.POSTGRESQL) {
			assertThat(ex.getSqlState()).isEqualTo("42P01");
		}
		assertThat(ex.isRolledBack()).isTrue();
		assertThat(Rows.versions(db)).containsExactly("a1");
		assertThat(Rows.userTables(db)).containsExactly("t1");
		assertThat(Rows.history(db)).containsExactly("a1 UPGRADE ok 1/1", "a2 UPGRADE failed 0/3");
	}

	@EachDatabase({ DatabaseKind.SQLITE, DatabaseKind.POSTGRESQL })
	void oneTransactionForTheRunRollsBackEveryRevisionOfIt(TestDatabase db) {
		Scripts scripts = failingSecondRevision();
		Migrator migrator = new Migrator(scripts.config(db).transactionPerMigration(false).build());
		MigrationFailedException ex = catchFailure(() -> migrator.upgrade("heads"));
		assertThat(ex).hasMessageEndingWith(". The whole run was rolled back (migration.transaction-per-"
				+ "migration=false); the version table still says base. Fix the script and run the command again");
		assertThat(Rows.versions(db)).isEmpty();
		assertThat(Rows.userTables(db)).isEmpty();
	}

	@EachDatabase({ DatabaseKind.MARIADB, DatabaseKind.H2 })
	void implicitlyCommittingDatabasesRecordProgressAndTheNextRunRefusesUntilStamped(DatabaseKind kind,
			TestDatabase db) {
		Scripts scripts = failingSecondRevision();
		Migrator migrator = scripts.migrator(db);
		MigrationFailedException ex = catchFailure(() -> migrator.upgrade("heads"));
		assertThat(ex).hasMessage("Revision a2 (" + scripts.location("a2") + ":8, statement 3) failed: "
				+ ex.getDatabaseMessage() + ". Statements 1-2 of 3 already ran and stayed committed ("
				+ ((kind == DatabaseKind.H2) ? "H2 commits" : "MariaDB/MySQL commit")
				+ " DDL implicitly); the version table still says a1. Undo them by hand and run 'stamp a1', "
				+ "or finish the revision by hand and run 'stamp a2'. Until then, upgrade and downgrade refuse to "
				+ "run");
		assertThat(ex.getDatabaseMessage()).containsIgnoringCase("missing_table");
		assertThat(ex.getStatementsCompleted()).isEqualTo(2);
		assertThat(ex.isRolledBack()).isFalse();
		assertThat(Rows.versions(db)).containsExactly("a1");
		assertThat(Rows.userTables(db)).containsExactly("t1", "x1", "x2");
		assertThat(Rows.history(db)).containsExactly("a1 UPGRADE ok 1/1", "a2 UPGRADE failed 2/3");

		String halfApplied = "A previous upgrade of revision a2 (" + scripts.location("a2") + ") failed: "
				+ ex.getDatabaseMessage() + ". Progress: statements 1-2 of 3 completed; statement 3 may or "
				+ "may not have run, and the database cannot roll them back. Resolve it by hand before "
				+ "migrating again: either undo what ran and run 'stamp a1', or finish the revision by hand "
				+ "and run 'stamp a2'. Stamping records the resolution and clears this marker (after "
				+ "undoing it, 'repair' does the same).";
		assertThatExceptionOfType(PartialMigrationException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessage(halfApplied);
		// validate reports the same finding with the same remedy
		assertThat(migrator.validate().problems()).containsExactly(halfApplied);

		db.execute("DROP TABLE x1", "DROP TABLE x2");
		migrator.stamp(List.of("a1"), false);
		scripts.add("a2", "a1", THREE_STATEMENTS.replace("missing_table", "x2"), "DROP TABLE x2;\nDROP TABLE x1;");
		new Migrator(scripts.config(db).build()).upgrade("heads");
		assertThat(Rows.versions(db)).containsExactly("a2");
		assertThat(Rows.history(db)).containsExactly("a1 UPGRADE ok 1/1", "a2 UPGRADE failed 2/3", "a2 STAMP ok 0/0",
				"a2 UPGRADE ok 3/3");
	}

	@EachDatabase
	void downgradeThroughARevisionWithoutDowngradeFailsBeforeRunningAnything(TestDatabase db) {
		Scripts scripts = new Scripts(this.dir).add("a1", "", "CREATE TABLE t1 (id INT PRIMARY KEY);", null)
			.add("a2", "a1", "CREATE TABLE t2 (id INT PRIMARY KEY);", "DROP TABLE t2;");
		Migrator migrator = scripts.migrator(db);
		migrator.upgrade("heads");
		assertThatExceptionOfType(DowngradeNotSupportedException.class).isThrownBy(() -> migrator.downgrade("base"))
			.withMessage("Cannot downgrade revision a1: " + scripts.location("a1") + " has no downgrade. Add a "
					+ "'-- +downgrade' section (or override downgrade()), or move the version table with 'stamp'");
		assertThat(Rows.versions(db)).containsExactly("a2");
		assertThat(Rows.userTables(db)).containsExactly("t1", "t2");
	}

	@EachDatabase
	void upgradeRefusesWhenAnAppliedScriptWasEdited(TestDatabase db) throws Exception {
		Scripts scripts = new Scripts(this.dir).linear();
		scripts.migrator(db).upgrade("a2");
		String applied = scripts.migrator(db).graph().get("a1").checksum();
		scripts.add("a1", "", "CREATE TABLE t1 (id INT PRIMARY KEY, name VARCHAR(10));", "DROP TABLE t1;");
		Migrator edited = scripts.migrator(db);
		String now = edited.graph().get("a1").checksum();
		String expected = "Revision a1 (" + scripts.location("a1") + ") was edited after it was applied: "
				+ "applied checksum " + applied + ", script checksum now " + now + ". Revert the edit, or put the "
				+ "change in a new revision; if the edit is intended, run 'repair' to record the new checksum; "
				+ "or set migration.validate-checksums=false to skip this check";
		assertThatExceptionOfType(ChecksumMismatchException.class).isThrownBy(() -> edited.upgrade("heads"))
			.withMessage(expected);
		assertThat(Rows.versions(db)).containsExactly("a2");
		ValidationReport report = edited.validate();
		assertThat(report.problems()).containsExactly(expected);
		assertThat(report.changedChecksums()).containsExactly("a1");
		assertThat(edited.status().changedChecksums()).containsExactly("a1");
		new Migrator(scripts.config(db).validateChecksums(false).build()).upgrade("heads");
		assertThat(Rows.versions(db)).containsExactly("a3");
	}

	@EachDatabase
	void validateReportsRevisionsNoScriptKnows(TestDatabase db) {
		Scripts scripts = new Scripts(this.dir).linear();
		scripts.migrator(db).upgrade("heads");
		db.execute("INSERT INTO migration_version (version_num) VALUES ('f00d')");
		ValidationReport report = scripts.migrator(db).validate();
		assertThat(report.unknownRevisions()).containsExactly("f00d");
		assertThat(report.aheadOfScripts()).isTrue();
		assertThat(report.problems()).containsExactly("The version table migration_version holds revision f00d "
				+ "that no script defines: the database is ahead of these scripts or scripts were deleted. Deploy "
				+ "the scripts that define it, or, if they are gone for good, 'stamp' the revision the schema "
				+ "really is at");
		assertThat(scripts.migrator(db).status().unknownRevisions()).containsExactly("f00d");
	}

	@EachDatabase
	void versionTableWithUnexpectedColumnsIsRefused(TestDatabase db) {
		db.execute("CREATE TABLE migration_version (id INT, name VARCHAR(10))");
		Migrator migrator = new Scripts(this.dir).linear().migrator(db);
		assertThatExceptionOfType(VersionTableException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessage("The version table migration_version has columns [id, name], but a version table has "
					+ "exactly one column, version_num (VARCHAR, primary key). It was not created by this tool: "
					+ "set migration.version-table to another name, or rename or drop that table");
		assertThat(Rows.userTables(db)).isEmpty();
	}

	@Test
	void schemaOrTableNamesThatTrySqlInjectionAreRefused() {
		String evil = "x\"; DROP TABLE y; --";
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> MigrationConfig.builder().schema(evil).build())
			.withMessage("Invalid configuration: 'migration.schema' must be a plain SQL identifier (letters, digits "
					+ "and '_', not starting with a digit, at most 63 characters), but was 'x\"; DROP TABLE y; --'. "
					+ "Names are written into SQL unquoted, so anything else is refused");
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> MigrationConfig.builder().versionTable("v`; DROP TABLE y").build())
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("migration.version-table"));
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> MigrationConfig.builder().historyTable("h' OR '1'='1").build())
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("migration.history-table"));
	}

	@EachDatabase
	void injectionAttemptLeavesTheDatabaseUnchanged(TestDatabase db) throws Exception {
		db.execute("CREATE TABLE y (id INT)");
		Scripts scripts = new Scripts(this.dir).linear();
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> new Migrator(scripts.config(db).versionTable("v; DROP TABLE y").build()));
		assertThat(db.tables()).containsExactly("y");
		assertThat(Files.exists(this.dir)).isTrue();
	}

	private static MigrationFailedException catchFailure(Runnable action) {
		try {
			action.run();
		}
		catch (MigrationFailedException ex) {
			return ex;
		}
		throw new AssertionError("expected a MigrationFailedException");
	}

	@EachDatabase({ DatabaseKind.MARIADB, DatabaseKind.H2 })
	void aRunThatDiedMidRevisionIsRefusedWithItsProgress(TestDatabase db) {
		Scripts scripts = failingSecondRevision();
		Migrator migrator = scripts.migrator(db);
		migrator.upgrade("a1");
		// what a killed process leaves: a started row that never finished
		db.execute("INSERT INTO migration_history (revision, direction, location, started_at, statements_done, "
				+ "statements_total) VALUES ('a2', 'UPGRADE', '" + scripts.location("a2")
				+ "', CURRENT_TIMESTAMP, 1, 3)");
		assertThatExceptionOfType(PartialMigrationException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessage("A previous upgrade of revision a2 (" + scripts.location("a2") + ") did not finish (the "
					+ "process ended mid-way). Progress: statement 1 of 3 completed, and the engine cannot resume "
					+ "it on its own: its history row holds no checksum to show that the script is the one that "
					+ "ran. Resolve it by hand before migrating again: either undo what ran and run 'repair' (or "
					+ "'stamp a1'), or finish the revision by hand and run 'stamp a2'. Either records the "
					+ "resolution and clears this marker.");
		assertThatExceptionOfType(PartialMigrationException.class).isThrownBy(() -> migrator.downgrade("base"));
		migrator.stamp(List.of("a2"), false);
		assertThat(Rows.versions(db)).containsExactly("a2");
		assertThat(migrator.upgrade("heads").steps()).isEmpty();
	}

	@EachDatabase
	void failingDowngradeSaysWhichStatementFailed(DatabaseKind kind, TestDatabase db) {
		Scripts scripts = new Scripts(this.dir).add("a1", "", "CREATE TABLE t1 (id INT PRIMARY KEY);", "DROP TABLE t1;")
			.add("a2", "a1", "CREATE TABLE t2 (id INT PRIMARY KEY);", "DROP TABLE t2;\nDROP TABLE nope;");
		Migrator migrator = scripts.migrator(db);
		migrator.upgrade("heads");
		MigrationFailedException ex = catchFailure(() -> migrator.downgrade("base"));
		assertThat(ex.getRevision()).isEqualTo("a2");
		assertThat(ex.getStatementIndex()).isEqualTo(2);
		assertThat(ex.getLine()).isEqualTo(10);
		assertThat(ex).hasMessageStartingWith("Revision a2 (" + scripts.location("a2") + ":10, statement 2) "
				+ "failed: " + ex.getDatabaseMessage() + ".");
		if (kind.dialect().supportsTransactionalDdl()) {
			assertThat(Rows.userTables(db)).containsExactly("t1", "t2");
		}
		else {
			assertThat(Rows.userTables(db)).containsExactly("t1");
			assertThat(ex.getStatementsCompleted()).isEqualTo(1);
		}
		assertThat(Rows.versions(db)).containsExactly("a2");
	}

}
