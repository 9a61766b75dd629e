package dev.migration.command;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migration.MigrationResult;
import dev.migration.Revision;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alembic's branch and merge scenario (b1 -> b2a, b2b -> m3 -> c4) with the version-table
 * rows after every step.
 */
class BranchedMigratorTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void versionRowsFollowAlembicAcrossBranchesAndTheMerge(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			Migrator migrator = new Scripts(this.dir).branched().migrator(db);
			migrator.upgrade("b1");
			assertThat(Rows.versions(db)).containsExactly("b1");
			migrator.upgrade("b2a");
			assertThat(Rows.versions(db)).containsExactly("b2a");
			migrator.upgrade("b2b");
			assertThat(Rows.versions(db)).containsExactly("b2a", "b2b");
			assertThat(migrator.status().currentHeads()).containsExactly("b2a", "b2b");
			migrator.upgrade("m3");
			assertThat(Rows.versions(db)).containsExactly("m3");
			migrator.upgrade("c4");
			assertThat(Rows.versions(db)).containsExactly("c4");
			migrator.downgrade("m3");
			assertThat(Rows.versions(db)).containsExactly("m3");
			migrator.downgrade("b2b");
			assertThat(Rows.versions(db)).containsExactly("b2a", "b2b");
			assertThat(Rows.userTables(db)).containsExactly("base_t", "left_t", "right_t");
			migrator.downgrade("base");
			assertThat(Rows.versions(db)).isEmpty();
			assertThat(Rows.userTables(db)).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void upgradeToHeadsRunsTheMergeAfterBothParents(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
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
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void stampOnTwoBranchesKeepsOneRowPerHead(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			Migrator migrator = new Scripts(this.dir).branched().migrator(db);
			migrator.stamp(List.of("b2a", "b2b"), false);
			assertThat(Rows.versions(db)).containsExactly("b2a", "b2b");
			migrator.upgrade("heads");
			assertThat(Rows.versions(db)).containsExactly("c4");
			assertThat(Rows.userTables(db)).containsExactly("after_t", "merged_t");
			migrator.stamp(List.of("base"), false);
			assertThat(Rows.versions(db)).isEmpty();
		}
	}

}
