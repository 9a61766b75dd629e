package dev.migration.imports;

import java.nio.file.Path;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.MigrationConfig;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the import tests share: a directory of their own, the folder the revisions are
 * imported into, and the configuration that runs them.
 */
abstract class AbstractImportTests {

	@TempDir
	Path dir;

	Path output() {
		return this.dir.resolve("db/migration");
	}

	/**
	 * The imported revisions on the database, with the value the other tool filled in for
	 * {@code ${owner}} ({@link FlywayProject}, the changelog's
	 * {@code <property name="owner">} in {@link LiquibaseProject}): imported scripts keep
	 * {@code ${owner}} as written.
	 */
	MigrationConfig config(TestDatabase db) {
		return MigrationConfig.builder()
			.dataSource(db.dataSource())
			.locations("filesystem:" + output())
			.placeholders(Map.of("owner", "ops"))
			.build();
	}

	/**
	 * The import is refused for one problem with the other tool's history, and nothing is
	 * written or stamped.
	 * @param db the database the other tool updated
	 * @param importing the import
	 * @param heading the first line of the message, which names the history table
	 * @param problem the problem, as the message lists it
	 */
	void assertRefused(TestDatabase db, ThrowingCallable importing, String heading, String problem) {
		assertThatExceptionOfType(ImportRefusedException.class).isThrownBy(importing)
			.withMessage(heading + "\n  - " + problem + "\nNothing was written and the database was not stamped.");
		assertNothingChanged(db);
	}

	void assertNothingChanged(TestDatabase db) {
		assertThat(output()).doesNotExist();
		assertThat(db.tables()).doesNotContain("migration_version", "migration_history");
	}

}
