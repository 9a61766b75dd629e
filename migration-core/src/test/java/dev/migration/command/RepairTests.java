package dev.migration.command;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

import dev.migration.ChecksumMismatchException;
import dev.migration.Migration;
import dev.migration.MigrationContext;
import dev.migration.MigrationFailedException;
import dev.migration.PartialMigrationException;
import dev.migration.RepairResult;
import dev.migration.RevisionInfo;
import dev.migration.UnknownRevisionException;
import dev.migration.script.Checksums;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RepairTests {

	@TempDir
	Path dir;

	@RevisionInfo(id = "j2", revises = "a1", message = "Seed")
	static class Seed implements Migration {

		@Override
		public void upgrade(MigrationContext context) {
			context.execute("CREATE TABLE seed (id INT PRIMARY KEY)");
		}

	}

	/** The same revision after an intended edit. */
	@RevisionInfo(id = "j2", revises = "a1", message = "Seed")
	static class SeedEdited implements Migration {

		@Override
		public void upgrade(MigrationContext context) {
			context.execute("CREATE TABLE seed (id INT PRIMARY KEY, name VARCHAR(20))");
		}

	}

	@RevisionInfo(id = "j2", revises = "a1", message = "Seed")
	static class Declared implements Migration {

		@Override
		public void upgrade(MigrationContext context) {
			context.execute("CREATE TABLE seed (id INT PRIMARY KEY)");
		}

		@Override
		public String checksum() {
			return "seed-v1";
		}

	}

	private Migrator migrator(TestDatabase db, Scripts scripts, Migration java) {
		return new Migrator(scripts.config(db).migrations(List.of(java)).build());
	}

	@EachDatabase
	void editedSqlAndJavaRevisionsAreDetectedRepairedAndAudited(DatabaseKind kind, TestDatabase db) {
		Scripts scripts = new Scripts(this.dir).add("a1", "", "CREATE TABLE t1 (id INT PRIMARY KEY);", null);
		Migrator before = migrator(db, scripts, new Seed());
		before.upgrade("heads");
		String sqlBefore = before.graph().get("a1").checksum();
		assertThat(before.graph().get("j2").checksum()).isEqualTo(Checksums.ofClass(Seed.class)).hasSize(64);

		scripts.add("a1", "", "-- t1 keeps ids\nCREATE TABLE t1 (id INT PRIMARY KEY);", null);
		Migrator after = migrator(db, scripts, new SeedEdited());
		assertThatExceptionOfType(ChecksumMismatchException.class).isThrownBy(() -> after.upgrade("heads"));
		assertThat(after.validate().problems()).hasSize(2)
			.anySatisfy((problem) -> assertThat(problem).startsWith("Revision a1 ("))
			.anySatisfy((problem) -> assertThat(problem)
				.startsWith("Revision j2 (" + SeedEdited.class.getName() + ") was edited after it was applied"));

		RepairResult result = after.repair(List.of());
		assertThat(result.checksums()).extracting(RepairResult.Checksum::revision).containsExactly("a1", "j2");
		assertThat(result.checksums()).filteredOn((each) -> each.revision().equals("a1"))
			.singleElement()
			.satisfies((each) -> {
				assertThat(each.oldChecksum()).isEqualTo(sqlBefore);
				assertThat(each.newChecksum()).isEqualTo(after.graph().get("a1").checksum());
			});
		assertThat(result.clearedPartialRun()).isNull();
		assertThat(Rows.history(db)).containsExactly("a1 UPGRADE ok 1/1", "j2 UPGRADE ok 1/null", "a1 REPAIR ok 0/0",
				"j2 REPAIR ok 0/0");
		// who and when, as for the runs (SQLite has no users)
		assertThat(db.query("SELECT DISTINCT db_user FROM migration_history")).singleElement()
			.satisfies((row) -> assertThat(row.get(0) != null).isEqualTo(kind != DatabaseKind.SQLITE));
		assertThat(db.query("SELECT started_at FROM migration_history WHERE direction = 'REPAIR'")).hasSize(2)
			.allSatisfy((row) -> assertThat(row.get(0)).isNotNull());
		assertThat(after.validate().problems()).isEmpty();
		assertThat(after.upgrade("heads").steps()).isEmpty();
		assertThat(after.repair(List.of()).isEmpty()).isTrue();
	}

	@EachDatabase({ DatabaseKind.POSTGRESQL, DatabaseKind.SQLITE })
	void revisionLimitsWhatIsRepaired(TestDatabase db) {
		Scripts scripts = new Scripts(this.dir).add("a1", "", "CREATE TABLE t1 (id INT PRIMARY KEY);", null);
		migrator(db, scripts, new Seed()).upgrade("heads");
		scripts.add("a1", "", "-- edited\nCREATE TABLE t1 (id INT PRIMARY KEY);", null);
		Migrator after = migrator(db, scripts, new SeedEdited());
		assertThat(after.repair(List.of("a1")).checksums()).extracting(RepairResult.Checksum::revision)
			.containsExactly("a1");
		assertThat(after.validate().problems()).singleElement()
			.satisfies((problem) -> assertThat(problem).startsWith("Revision j2 ("));
		assertThatExceptionOfType(UnknownRevisionException.class).isThrownBy(() -> after.repair(List.of("a2")));
	}

	@EachDatabase({ DatabaseKind.H2, DatabaseKind.MARIADB })
	void aDeclaredChecksumDecidesWhichEditsCount(TestDatabase db) {
		Scripts scripts = new Scripts(this.dir).add("a1", "", "CREATE TABLE t1 (id INT PRIMARY KEY);", null);
		Migrator migrator = migrator(db, scripts, new Declared());
		migrator.upgrade("heads");
		assertThat(migrator.graph().get("j2").checksum()).isEqualTo("seed-v1");
		assertThat(db.query("SELECT checksum FROM migration_history WHERE revision = 'j2'"))
			.containsExactly(List.of("seed-v1"));
		assertThat(migrator.validate().problems()).isEmpty();
	}

	@EachDatabase({ DatabaseKind.MARIADB, DatabaseKind.H2 })
	void aPartialRunMarkerIsClearedOnlyWhenRepairIsAskedFor(TestDatabase db) {
		Scripts scripts = new Scripts(this.dir).add("a1", "", "CREATE TABLE t1 (id INT PRIMARY KEY);", null)
			.add("a2", "a1", "CREATE TABLE x1 (id INT PRIMARY KEY);\nINSERT INTO missing_table VALUES (1);", null);
		Migrator migrator = scripts.migrator(db);
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"));
		// the operator undoes statement 1 by hand and fixes the script
		db.execute("DROP TABLE x1");
		scripts.add("a2", "a1", "CREATE TABLE x1 (id INT PRIMARY KEY);\nCREATE TABLE x2 (id INT PRIMARY KEY);", null);
		Migrator fixed = scripts.migrator(db);
		assertThatExceptionOfType(PartialMigrationException.class).isThrownBy(() -> fixed.upgrade("heads"));
		assertThatExceptionOfType(PartialMigrationException.class).isThrownBy(() -> fixed.upgrade("heads"));
		assertThat(fixed.validate().problems()).singleElement()
			.satisfies((problem) -> assertThat(problem).startsWith("A previous upgrade of revision a2"));

		RepairResult result = fixed.repair(List.of());
		assertThat(result.checksums()).isEmpty();
		assertThat(result.clearedPartialRun().revision()).isEqualTo("a2");
		assertThat(result.clearedPartialRun().undoTarget()).isEqualTo("a1");
		assertThat(Rows.versions(db)).containsExactly("a1");
		assertThat(fixed.validate().problems()).isEmpty();
		fixed.upgrade("heads");
		assertThat(Rows.versions(db)).containsExactly("a2");
		assertThat(Rows.history(db)).containsExactly("a1 UPGRADE ok 1/1", "a2 UPGRADE failed 1/2", "a2 REPAIR ok 0/0",
				"a2 UPGRADE ok 2/2");
	}

}
