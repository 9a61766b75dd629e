package dev.migration.command;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

import dev.migration.MigrationResult;
import dev.migration.Revision;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alembic's branch and merge scenario (b1 -> b2a, b2b -> m3 -> c4) with the version-table
 * rows after every step.
 */
class BranchedMigratorTests {

	@TempDir
	Path dir;

	@EachDatabase
	void versionRowsFollowAlembicAcrossBranchesAndTheMerge(TestDatabase db) {
		Migrator migrator = new Scripts(this.dir).branched().migrator(db);
		Rows.upgradeTo(migrator, db, "b1", "b1");
		Rows.upgradeTo(migrator, db, "b2a", "b2a");
		Rows.upgradeTo(migrator, db, "b2b", "b2a", "b2b");
		assertThat(migrator.status().currentHeads()).containsExactly("b2a", "b2b");
		Rows.upgradeTo(migrator, db, "m3", "m3");
		Rows.upgradeTo(migrator, db, "c4", "c4");
		Rows.downgradeTo(migrator, db, "m3", "m3");
		Rows.downgradeTo(migrator, db, "b2b", "b2a", "b2b");
		assertThat(Rows.userTables(db)).containsExactly("base_t", "left_t", "right_t");
		Rows.downgradeTo(migrator, db, "base");
		assertThat(Rows.userTables(db)).isEmpty();
	}

	@EachDatabase
	void upgradeToHeadsRunsTheMergeAfterBothParents(TestDatabase db) {
		Migrator migrator = new Scripts(this.dir).branched().migrator(db);
		MigrationResult result = migrator.upgrade("heads");
		List<String> order = result.steps().stream().map(MigrationResult.Step::revision).toList();
		assertThat(order).containsExactlyInAnyOrder("b1", "b2a", "b2b", "m3", "c4");
		assertThat(order.indexOf("m3")).isGreaterThan(order.indexOf("b2a")).isGreaterThan(order.indexOf("b2b"));
		assertThat(order).startsWith("b1").endsWith("c4");
		assertThat(result.toHeads()).containsExactly("c4");
		assertThat(Rows.versions(db)).containsExactly("c4");
		assertThat(migrator.heads()).extracting(Revision::id).containsExactly("c4");
		assertThat(migrator.branches()).extracting(Revision::id).containsExactly("b1");
		assertThat(migrator.history("b2a:m3")).extracting(Revision::id).containsExactly("m3", "b2a");
		assertThat(migrator.show("m3").revises()).containsExactly("b2a", "b2b");
	}

	@EachDatabase
	void stampOnTwoBranchesKeepsOneRowPerHead(TestDatabase db) {
		Migrator migrator = new Scripts(this.dir).branched().migrator(db);
		migrator.stamp(List.of("b2a", "b2b"), false);
		assertThat(Rows.versions(db)).containsExactly("b2a", "b2b");
		Rows.upgradeTo(migrator, db, "heads", "c4");
		assertThat(Rows.userTables(db)).containsExactly("after_t", "merged_t");
		migrator.stamp(List.of("base"), false);
		assertThat(Rows.versions(db)).isEmpty();
	}

}
