package dev.migration.command;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

import dev.migration.DatabaseState;
import dev.migration.DatabaseState.Relation;
import dev.migration.MigrationResult;
import dev.migration.MigrationStatus;
import dev.migration.NewerDatabaseException;
import dev.migration.OnNewerDatabase;
import dev.migration.RevisionStatus;
import dev.migration.UnknownDatabaseRevisionException;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two builds on one database (a rolling deploy): the older build's scripts end at e, the
 * newer build applied f (and g) on top. The history's recorded parents tell the older
 * build that the database is ahead of it, not holding unrelated revisions.
 */
class NewerDatabaseTests {

	@TempDir
	Path dir;

	@EachDatabase
	void aDatabaseANewerBuildMigratedIsAheadOfTheOlderBuild(TestDatabase db) {
		build("v2", "a", "b", "c", "d", "e", "f", "g").migrator(db).upgrade("heads");
		Migrator v1 = build("v1", "a", "b", "c", "d", "e").migrator(db);
		MigrationStatus status = v1.status("heads");
		DatabaseState state = status.state();
		assertThat(state.relation()).isEqualTo(Relation.AHEAD);
		assertThat(state.unknownHeads()).isEmpty();
		assertThat(state.newerHeads()).containsExactly("g");
		assertThat(state.newerBase()).containsExactly("e");
		assertThat(state.knownHeads()).containsExactly("e");
		assertThat(state.ahead()).containsExactly("g");
		assertThat(status.pending()).isEmpty();
		assertThat(status.revisions()).extracting((revision) -> revision.id() + " " + revision.state())
			.containsExactly("e APPLIED", "d APPLIED", "c APPLIED", "b APPLIED", "a APPLIED", "g NEWER", "f NEWER");
		assertThat(status.revisions()).filteredOn((revision) -> revision.id().equals("g"))
			.extracting(RevisionStatus::revises)
			.containsExactly(List.of("f"));
		assertThat(v1.validate().isValid()).isTrue();
	}

	@EachDatabase
	void upgradeOfADatabaseAheadOfTheBuildDoesNothingAndSaysSo(TestDatabase db) {
		build("v2", "a", "b", "c", "d", "e", "f").migrator(db).upgrade("heads");
		Scripts v1 = build("v1", "a", "b", "c", "d", "e");
		MigrationResult result = v1.migrator(db).upgrade("heads");
		assertThat(result.steps()).isEmpty();
		assertThat(result.newerHeads()).containsExactly("f");
		assertThat(result.toHeads()).containsExactly("f");
		assertThat(Rows.versions(db)).containsExactly("f");
		assertThat(Rows.history(db)).hasSize(6);
		Migrator failing = new Migrator(v1.config(db).onNewerDatabase(OnNewerDatabase.FAIL).build());
		assertThatExceptionOfType(NewerDatabaseException.class).isThrownBy(() -> failing.upgrade("heads"))
			.withMessage("The database is ahead of this build: the version table migration_version holds f, "
					+ "which no script of this build defines, applied by a newer build on top of e (from the "
					+ "parents the history table recorded). Deploy the newer build, or set "
					+ "migration.on-newer-database=warn to let this build run on the newer schema");
		assertThatExceptionOfType(NewerDatabaseException.class).isThrownBy(() -> v1.migrator(db).downgrade("-1"))
			.withMessageEndingWith("'downgrade' needs the scripts of those revisions: run it with the newer build");
		assertThat(Rows.versions(db)).containsExactly("f");
	}

	@EachDatabase
	void anUnknownHeadThatDoesNotDescendFromKnownRevisionsStaysAnError(TestDatabase db) {
		Scripts other = build("other", "a", "b", "c", "d", "e");
		other.add("z", "", "CREATE TABLE tz (id INT PRIMARY KEY);", null);
		other.migrator(db).upgrade("heads");
		Migrator v1 = build("v1", "a", "b", "c", "d", "e").migrator(db);
		DatabaseState state = v1.status("heads").state();
		assertThat(state.relation()).isEqualTo(Relation.UNKNOWN_REVISIONS);
		assertThat(state.unknownHeads()).containsExactly("z");
		assertThat(state.newerHeads()).isEmpty();
		assertThatExceptionOfType(UnknownDatabaseRevisionException.class).isThrownBy(() -> v1.upgrade("heads"));
	}

	@EachDatabase({ DatabaseKind.H2, DatabaseKind.POSTGRESQL })
	void historyWithoutRecordedParentsCannotShowDescent(TestDatabase db) {
		build("v2", "a", "b", "c", "d", "e", "f").migrator(db).upgrade("heads");
		db.execute("UPDATE migration_history SET parents = NULL WHERE revision = 'f'");
		Migrator v1 = build("v1", "a", "b", "c", "d", "e").migrator(db);
		assertThat(v1.status("heads").state().unknownHeads()).containsExactly("f");
		assertThatExceptionOfType(UnknownDatabaseRevisionException.class).isThrownBy(() -> v1.upgrade("heads"));
	}

	/**
	 * A build whose scripts are a linear chain of the given ids, each creating a table.
	 */
	private Scripts build(String name, String... ids) {
		Path location = this.dir.resolve(name);
		try {
			java.nio.file.Files.createDirectories(location);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		Scripts scripts = new Scripts(location);
		String parent = "";
		for (String id : ids) {
			scripts.add(id, parent, "CREATE TABLE t_" + id + " (id INT PRIMARY KEY);", "DROP TABLE t_" + id + ";");
			parent = id;
		}
		return scripts;
	}

}
