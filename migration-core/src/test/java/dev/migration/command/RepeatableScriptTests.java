package dev.migration.command;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.MigrationConfig;
import dev.migration.MigrationResult;
import dev.migration.MigrationStatus;
import dev.migration.Revision;
import dev.migration.RevisionGraphException;
import dev.migration.RevisionStatus;
import dev.migration.ScriptParseException;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

class RepeatableScriptTests {

	@TempDir
	Path dir;

	private Scripts scripts() {
		return new Scripts(this.dir).linear();
	}

	private Scripts view(Scripts scripts, String id, String body) {
		return scripts.write(id, "", "-- repeatable: true\n",
				"DROP VIEW IF EXISTS " + id + ";\nCREATE VIEW " + id + " AS " + body + ";", null);
	}

	@EachDatabase
	void repeatablesRunAfterTheVersionedRevisionsInIdOrderAndAgainOnlyWhenChanged(TestDatabase db) {
		Scripts scripts = view(view(scripts(), "v_b", "SELECT id FROM t2"), "v_a", "SELECT id FROM t1");
		Migrator migrator = scripts.migrator(db);
		assertThat(migrator.status().pending()).containsExactly("a1", "a2", "a3", "v_a", "v_b");
		MigrationResult first = migrator.upgrade("heads");
		assertThat(first.steps()).extracting(MigrationResult.Step::revision)
			.containsExactly("a1", "a2", "a3", "v_a", "v_b");
		assertThat(Rows.versions(db)).containsExactly("a3");
		assertThat(db.query("SELECT COUNT(*) FROM v_b")).containsExactly(List.of("0"));
		assertThat(migrator.upgrade("heads").steps()).isEmpty();
		assertThat(migrator.status().isUpToDate()).isTrue();

		view(scripts, "v_b", "SELECT id FROM t3");
		Migrator edited = scripts.migrator(db);
		MigrationStatus status = edited.status();
		assertThat(status.pending()).containsExactly("v_b");
		assertThat(status.changedChecksums()).isEmpty();
		assertThat(status.revisions()).filteredOn(RevisionStatus::repeatable)
			.extracting((each) -> each.id() + " " + each.state())
			.containsExactly("v_a APPLIED", "v_b PENDING");
		assertThat(edited.validate().problems()).isEmpty();
		assertThat(edited.upgrade("heads").steps()).extracting(MigrationResult.Step::revision).containsExactly("v_b");
		assertThat(Rows.history(db)).containsExactly("a1 UPGRADE ok 1/1", "a2 UPGRADE ok 1/1", "a3 UPGRADE ok 1/1",
				"v_a UPGRADE ok 2/2", "v_b UPGRADE ok 2/2", "v_b UPGRADE ok 2/2");
		assertThat(Rows.versions(db)).containsExactly("a3");
		assertThat(edited.history(null)).extracting(Revision::id).containsExactly("v_b", "v_a", "a3", "a2", "a1");
	}

	@EachDatabase
	void downgradeLeavesRepeatablesAlone(TestDatabase db) {
		Scripts scripts = view(scripts(), "v_a", "SELECT id FROM t1");
		Migrator migrator = scripts.migrator(db);
		migrator.upgrade("heads");
		assertThat(migrator.downgrade("a2").steps()).extracting(MigrationResult.Step::revision).containsExactly("a3");
		assertThat(migrator.upgrade("heads").steps()).extracting(MigrationResult.Step::revision).containsExactly("a3");
	}

	@EachDatabase
	void offlineUpgradeEndsWithTheRepeatables(DatabaseKind kind, TestDatabase db) throws Exception {
		Scripts scripts = view(scripts(), "v_a", "SELECT id FROM t1");
		String sql = new Migrator(
				MigrationConfig.builder().dialect(kind.dialect()).locations(scripts.location()).build())
			.upgradeSql("base:heads");
		assertThat(sql.indexOf("CREATE VIEW v_a")).isGreaterThan(sql.indexOf("CREATE TABLE t3"));
		OfflineSqlTests.run(db, sql);
		assertThat(Rows.history(db)).endsWith("v_a UPGRADE ok 2/2");
		assertThat(scripts.migrator(db).status().isUpToDate()).isTrue();
	}

	@EachDatabase({ DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB })
	void aHalfRunRepeatableIsResolvedByStampingTheSameHeads(TestDatabase db) {
		Scripts scripts = scripts().write("v_a", "", "-- repeatable: true\n-- transactional: false\n",
				"CREATE TABLE half (id INT PRIMARY KEY);\nINSERT INTO nowhere VALUES (1);", null);
		Migrator migrator = scripts.migrator(db);
		assertThatExceptionOfType(dev.migration.MigrationFailedException.class)
			.isThrownBy(() -> migrator.upgrade("heads"));
		assertThat(migrator.validate().problems()).singleElement()
			.asString()
			.contains("'stamp a3'")
			.doesNotContain("a3 v_a");
		db.execute("DROP TABLE half");
		migrator.stamp(List.of("a3"), false);
		scripts.write("v_a", "", "-- repeatable: true\n", "CREATE TABLE half (id INT PRIMARY KEY);", null);
		assertThat(scripts.migrator(db).upgrade("heads").steps()).extracting(MigrationResult.Step::revision)
			.containsExactly("v_a");
	}

	@Test
	void aRepeatableWithParentsIsRefusedNamingTheLine() {
		assertThat(refusal("a1", "-- repeatable: true\n")).isInstanceOf(ScriptParseException.class)
			.hasMessage("filesystem:" + this.dir + "/v_a_revision.sql:3: a repeatable script has no parents: it "
					+ "runs after the versioned revisions whenever it changes; remove the 'revises:' line");
	}

	@Test
	void aRepeatableWithABranchLabelIsRefused() {
		assertThat(refusal("", "-- repeatable: true\n-- branch-labels: views\n"))
			.isInstanceOf(RevisionGraphException.class)
			.hasMessageContaining("Repeatable script v_a in filesystem:" + this.dir + "/v_a_revision.sql has parents, "
					+ "dependencies or branch labels");
	}

	/**
	 * What reading the graph throws once the repeatable script v_a is written with these
	 * parents and headers.
	 */
	private Throwable refusal(String revises, String headers) {
		new Scripts(this.dir).write("v_a", revises, headers, "SELECT 1;", null);
		return catchThrowable(this::readGraph);
	}

	/** Reads the revision graph of the scripts in the folder. */
	private void readGraph() {
		new Migrator(MigrationConfig.builder().locations("filesystem:" + this.dir).build()).graph();
	}

}
