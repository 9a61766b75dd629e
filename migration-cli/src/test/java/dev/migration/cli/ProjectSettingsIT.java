package dev.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.testing.DatabaseKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar run in a project folder reads the settings the application reads:
 * {@code application.*} of its class path (the compiled resources, or
 * {@code src/main/resources} before a build) with profiles, under the working directory's
 * files, as Boot reads {@code ./application.yml} over {@code classpath:application.yml}.
 */
class ProjectSettingsIT {

	private static final String REVISION = Project.baseRevision("aaa001", "create ${table}",
			"CREATE TABLE ${table} (id INT PRIMARY KEY);", null);

	@TempDir
	Path dir;

	@Test
	void aProjectNotBuiltYetReadsSrcMainResourcesWithProfilesAndTheWorkingDirectoryWins() throws IOException {
		try (ProcessDatabase database = ProcessDatabase.create(DatabaseKind.H2)) {
			write("pom.xml", "<project/>\n");
			write("src/main/resources/db/migration/aaa001_create.sql", REVISION);
			write("src/main/resources/application.yml",
					Project.applicationYml(database.url(), database.user(), database.password(), """
							migration:
							  version-table: res_version
							  history-table: res_history
							  placeholders:
							    table: from_resources
							"""));
			write("src/main/resources/application-prod.properties", "migration.placeholders.table=from_prod\n");

			CliRunner.Result current = ok("current", "--debug");
			assertThat(current.err()).contains("version-table=res_version, history-table=res_history, "
					+ "read from src/main/resources/application.yml\n");

			assertThat(ok("upgrade", "--sql").out()).contains("CREATE TABLE from_resources (id INT PRIMARY KEY);");
			assertThat(ok("upgrade", "--sql", "--profile", "prod").out())
				.contains("CREATE TABLE from_prod (id INT PRIMARY KEY);");

			write("application.properties", "migration.version-table=wd_version\n");
			CliRunner.Result both = ok("upgrade", "--debug");
			assertThat(both.err()).contains("version-table=wd_version, history-table=res_history, read from "
					+ "application.properties, src/main/resources/application.yml\n");
			assertThat(database.hasTable("wd_version")).isTrue();
			assertThat(database.hasTable("from_resources")).isTrue();

			// --config-dir names the only directory read
			write("elsewhere/application.properties", "spring.datasource.url=" + database.url()
					+ "\nspring.datasource.username=" + database.user() + "\nmigration.placeholders.table=t\n");
			assertThat(ok("current", "--config-dir", "elsewhere", "--debug").err())
				.contains("version-table=migration_version, history-table=migration_history, read from "
						+ "elsewhere/application.properties\n");
		}
	}

	@Test
	void aBuiltProjectReadsTheCompiledApplicationFileAsTheApplicationDoes() throws IOException {
		try (ProcessDatabase database = ProcessDatabase.create(DatabaseKind.H2)) {
			write("pom.xml", "<project/>\n");
			write("src/main/resources/db/migration/aaa001_create.sql", REVISION);
			// resource filtering ran in the build: the compiled file holds the value
			String application = """
					spring.datasource.url=%s
					spring.datasource.username=%s
					migration.placeholders.table=%s
					""";
			write("src/main/resources/application.properties",
					application.formatted(database.url(), database.user(), "@table.name@"));
			Path compiled = write("target/classes/application.properties",
					application.formatted(database.url(), database.user(), "built_table"));
			Files.copy(this.dir.resolve("src/main/resources/db/migration/aaa001_create.sql"),
					Files.createDirectories(this.dir.resolve("target/classes/db/migration"))
						.resolve("aaa001_create.sql"));
			Files.setLastModifiedTime(compiled,
					java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));

			CliRunner.Result upgrade = ok("upgrade", "--debug");
			assertThat(upgrade.err()).contains("read from target/classes/application.properties\n");
			assertThat(database.hasTable("built_table")).isTrue();
		}
	}

	private Path write(String relative, String content) throws IOException {
		Path file = this.dir.resolve(relative);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content);
	}

	private CliRunner.Result ok(String... args) {
		CliRunner.Result result = CliProcess.run(this.dir, args);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		return result;
	}

}
