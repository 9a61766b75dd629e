package dev.migration.command;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

import dev.migration.DatabaseState;
import dev.migration.DatabaseState.Relation;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one state every caller reads: its relation to the target, most serious finding
 * first, on a branched graph.
 */
class DatabaseStateTests {

	@TempDir
	Path dir;

	@EachDatabase
	void relationToTheTargetNamesBehindAheadOtherBranchAndAtTarget(TestDatabase db) {
		Migrator migrator = new Scripts(this.dir).branched().migrator(db);
		migrator.upgrade("b2a");
		DatabaseState onLeft = migrator.status("b2b").state();
		assertThat(onLeft.relation()).isEqualTo(Relation.BEHIND);
		assertThat(onLeft.pending()).containsExactly("b2b");
		assertThat(onLeft.otherBranch()).containsExactly("b2a");
		assertThat(migrator.status("b1").state().relation()).isEqualTo(Relation.AHEAD);
		assertThat(migrator.status("b1").state().ahead()).containsExactly("b2a");
		assertThat(migrator.status("b2a").state().relation()).isEqualTo(Relation.AT_TARGET);
		migrator.upgrade("heads");
		DatabaseState atHeads = migrator.status("heads").state();
		assertThat(atHeads.relation()).isEqualTo(Relation.AT_TARGET);
		assertThat(atHeads.currentHeads()).containsExactly("c4");
		assertThat(atHeads.partialRun()).isNull();
		assertThat(atHeads.headOverlap()).isNull();
	}

	@EachDatabase
	void unknownRevisionsOutrankDriftAndDriftCountsOnlyWhenChecksumsAreValidated(TestDatabase db) {
		Scripts scripts = new Scripts(this.dir).add("a1", "", "CREATE TABLE t1 (id INT PRIMARY KEY);", null);
		scripts.migrator(db).upgrade("heads");
		scripts.add("a1", "", "CREATE TABLE t1 (id INT PRIMARY KEY, name VARCHAR(10));", null);
		DatabaseState drifted = scripts.migrator(db).status().state();
		assertThat(drifted.relation()).isEqualTo(Relation.DRIFTED);
		assertThat(drifted.changedRevisions()).containsExactly("a1");
		DatabaseState unchecked = new Migrator(scripts.config(db).validateChecksums(false).build()).status().state();
		assertThat(unchecked.relation()).isEqualTo(Relation.AT_TARGET);
		assertThat(unchecked.changedRevisions()).containsExactly("a1");
		assertThat(unchecked.drifted()).isEmpty();
		db.execute("INSERT INTO migration_version (version_num) VALUES ('f00d')");
		DatabaseState unknown = scripts.migrator(db).status().state();
		assertThat(unknown.relation()).isEqualTo(Relation.UNKNOWN_REVISIONS);
		assertThat(unknown.unknownHeads()).containsExactly("f00d");
		assertThat(unknown.knownHeads()).isEqualTo(List.of("a1"));
	}

}
