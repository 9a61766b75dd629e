package dev.migration.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.sample.SampleJar.Run;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static dev.migration.sample.SampleMigrationsTests.PINNED;
import static dev.migration.sample.SampleMigrationsTests.BASE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrate-only run of a Kubernetes Job or init container: the repackaged jar, started
 * as its own process with {@code --migration.exit-after-migrate=true}, migrates and
 * exits; the exit code tells the orchestrator whether it worked. Runs in {@code verify},
 * after {@code package} built the jar.
 */
class MigrateOnlyIT {

	static final String MIGRATE_ONLY = "--migration.exit-after-migrate=true";

	@TempDir
	Path temp;

	@Test
	void migratesAFreshH2FileDatabaseAndExitsZero() throws Exception {
		String url = "jdbc:h2:file:" + this.temp.resolve("notes").toAbsolutePath();
		Run run = runJar(MIGRATE_ONLY, "--spring.datasource.url=" + url);
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains(PINNED + ": database migrated from base in 8 upgrade step(s)")
			.contains("Migration finished and migration.exit-after-migrate is true: closing the application")
			.doesNotContain("Tomcat started");
		assertThat(TestDatabase.queryOn(url, "sa", "", "SELECT version_num FROM migration_version"))
			.containsExactly(List.of(PINNED));
	}

	@Test
	void migratesAFreshPostgresqlSchemaAndExitsZero() throws Exception {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			// the postgres profile reads the server from the environment, as a container
			// would
			Map<String, String> env = Map.of("POSTGRES_URL", db.url(), "POSTGRES_USER", db.user(), "POSTGRES_PASSWORD",
					db.password());
			Run run = runJar(env, MIGRATE_ONLY, "--spring.profiles.active=postgres");
			assertThat(run.exitCode()).as(run.output()).isZero();
			assertThat(db.query("SELECT version_num FROM migration_version")).containsExactly(List.of(PINNED));
			assertThat(db.tables()).contains("notes", "note_tags", "note_audit");
		}
	}

	@Test
	void exitsNonZeroWhenAnAppliedScriptWasEdited() throws Exception {
		Path scripts = copyOfTheSampleScripts();
		String url = "jdbc:h2:file:" + this.temp.resolve("notes").toAbsolutePath();
		String locations = "--migration.locations=filesystem:" + scripts;
		assertThat(runJar(MIGRATE_ONLY, locations, "--spring.datasource.url=" + url).exitCode()).isZero();
		Path base = scripts.resolve(BASE + "_create_notes_table.sql");
		Files.writeString(base, Files.readString(base).replace("VARCHAR(200)", "VARCHAR(300)"));
		Run run = runJar(MIGRATE_ONLY, locations, "--spring.datasource.url=" + url);
		assertThat(run.exitCode()).as(run.output()).isNotZero();
		assertThat(run.output()).contains("APPLICATION FAILED TO START")
			.contains("Revision " + BASE + " (filesystem:" + base
					+ ") was edited after it was applied: applied checksum ")
			.contains(
					"Revert the edit, or put the change in a new revision; if the edit is intended, run 'repair' to record the new checksum; or set migration.validate-checksums=false "
							+ "to skip this check");
		assertThat(TestDatabase.queryOn(url, "sa", "", "SELECT version_num FROM migration_version"))
			.containsExactly(List.of(PINNED));
	}

	@Test
	void exitsNonZeroWhenTheTargetDoesNotExist() throws Exception {
		String url = "jdbc:h2:file:" + this.temp.resolve("notes").toAbsolutePath();
		Run run = runJar(MIGRATE_ONLY, "--migration.target=0000deadbeef", "--spring.datasource.url=" + url);
		assertThat(run.exitCode()).as(run.output()).isNotZero();
		assertThat(run.output()).contains("APPLICATION FAILED TO START")
			.contains("No revision or branch label '0000deadbeef'; run 'history' to list the revisions");
	}

	@Test
	void exitsNonZeroWhenARevisionFailsAndKeepsTheRevisionsBeforeIt() throws Exception {
		Path scripts = copyOfTheSampleScripts();
		Files.writeString(scripts.resolve("0badc0ffee00_broken.sql"), """
				-- migration: Broken on purpose
				-- revision: 0badc0ffee00
				-- revises: %s
				-- created: 2026-11-25T11:00:00Z

				-- +upgrade
				CREATE TABLE broken (id INTEGER PRIMARY KEY, oops NOSUCHTYPE);

				-- +downgrade
				DROP TABLE broken;
				""".formatted(PINNED));
		String url = "jdbc:h2:file:" + this.temp.resolve("notes").toAbsolutePath();
		Run run = runJar(MIGRATE_ONLY, "--migration.locations=filesystem:" + scripts, "--spring.datasource.url=" + url);
		assertThat(run.exitCode()).as(run.output()).isNotZero();
		assertThat(run.output()).contains("APPLICATION FAILED TO START")
			// the engine's message (its wording is the engine's): revision, file, cause,
			// state
			.contains("Revision 0badc0ffee00 (filesystem:" + scripts.resolve("0badc0ffee00_broken.sql"))
			.contains("failed: Unknown data type: \"NOSUCHTYPE\"")
			.contains("the version table still says " + PINNED)
			.contains("Fix the script and run the command again");
		assertThat(TestDatabase.queryOn(url, "sa", "", "SELECT version_num FROM migration_version"))
			.containsExactly(List.of(PINNED));
	}

	private Path copyOfTheSampleScripts() throws IOException {
		Path source = Path.of("src/main/resources/db/migration");
		Path target = Files.createDirectories(this.temp.resolve("scripts"));
		try (Stream<Path> files = Files.list(source)) {
			for (Path file : files.toList()) {
				Files.copy(file, target.resolve(file.getFileName()));
			}
		}
		return target.toAbsolutePath();
	}

	private Run runJar(String... args) throws Exception {
		return runJar(Map.of(), args);
	}

	private Run runJar(Map<String, String> env, String... args) throws Exception {
		return SampleJar.run(this.temp, List.of(), env, args);
	}

}
