package dev.migration.test;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the walks cost per revision on each database, on a chain of 10 revisions that each
 * create a table and an index; the figures docs/testing-migrations.md quotes come from
 * this test's output.
 */
class StairwayCostTests {

	private static final int REVISIONS = 10;

	@TempDir
	Path directory;

	@EachDatabase
	void stairwayOfTenRevisionsOnOneDatabase(DatabaseKind kind, TestDatabase db) throws Exception {
		String parent = "";
		for (int i = 1; i <= REVISIONS; i++) {
			String id = String.format("c%011d", i);
			Files.writeString(this.directory.resolve(id + "_t" + i + ".sql"),
					"-- migration: Table " + i + "\n-- revision: " + id + "\n-- revises: " + parent
							+ "\n\n-- +upgrade\nCREATE TABLE t" + i
							+ " (id INTEGER NOT NULL, name VARCHAR(50), PRIMARY KEY (id));\nCREATE INDEX ix_t" + i
							+ " ON t" + i + " (name);\n\n-- +downgrade\nDROP TABLE t" + i + ";\n");
			parent = id;
		}
		MigrationChecks checks = Fixtures.checks(db, "filesystem:" + this.directory);
		long start = System.nanoTime();
		checks.upgradeOneByOne();
		long oneByOne = System.nanoTime() - start;
		start = System.nanoTime();
		checks.stairway();
		long stairway = System.nanoTime() - start;
		System.out.printf("%s: upgrade one by one %d ms per revision, stairway %d ms per revision (%d revisions)%n",
				kind, oneByOne / 1_000_000 / REVISIONS, stairway / 1_000_000 / REVISIONS, REVISIONS);
		assertThat(checks.migrator().current()).isEmpty();
		// one by one: up, then down to base where it started; stairway: up, down, up,
		// then down to base
		assertThat(checks.migrator().log(200)).hasSize(REVISIONS * 6);
	}

}
