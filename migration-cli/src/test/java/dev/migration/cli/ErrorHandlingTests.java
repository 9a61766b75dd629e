package dev.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorHandlingTests {

	@TempDir
	Path dir;

	@Test
	void unknownCommandIsAUsageErrorWithExitCodeTwo() {
		CliRunner.Result result = new CliRunner(this.dir).run("upgrad");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).startsWith("Unmatched argument at index 0: 'upgrad'\nDid you mean: migration upgrade");
	}

	@Test
	void unknownOptionIsAUsageError() {
		CliRunner.Result result = new CliRunner(this.dir).run("current", "--colour");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).isEqualTo("Unknown option: '--colour'\nPossible solutions: --config-dir\n");
	}

	@Test
	void missingCommandIsAUsageError() {
		CliRunner.Result result = new CliRunner(this.dir).run();
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).startsWith("Missing command; see the list above\nUsage: migration");
	}

	@Test
	void unknownDialectIsAUsageError() {
		CliRunner.Result result = new CliRunner(this.dir).run("upgrade", "--sql", "--dialect", "oracle");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).startsWith("Invalid value for option '--dialect': Unknown dialect 'oracle'; "
				+ "use one of postgresql, mariadb, mysql, h2, sqlite");
	}

	@Test
	void noDatabaseConfiguredSaysWhereToConfigureOne() {
		CliRunner.Result result = new CliRunner(this.dir).run("current");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).isEqualTo("Error: No database configured: pass --url (with --user and --password), "
				+ "or set spring.datasource.url (or migration.url) in application.yml in " + this.dir
				+ "; 'migration init' creates one for an embedded database\n");
		assertThat(result.out()).isEmpty();
	}

	@Test
	void aMistypedLocationIsAnError() {
		CliRunner.Result result = new CliRunner(this.dir).run("upgrade", "--url", "jdbc:h2:mem:cli_locations", "--user",
				"sa", "--locations", "classpath:db/nope");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).isEqualTo("Error: Invalid configuration: 'migration.locations' names "
				+ "classpath:db/nope, which does not exist: no directory db/nope on the class path (in a jar, the "
				+ "directory needs its own entry, as jar tools write by default). Fix the location (or create it), or "
				+ "set migration.fail-on-missing-locations=false to continue without it\n");
	}

	@Test
	void aMissingFilesystemLocationIsAnErrorUnlessTurnedOff() throws IOException {
		Files.writeString(this.dir.resolve("application.properties"),
				"spring.datasource.url=jdbc:h2:mem:cli_locations_off\nspring.datasource.username=sa\n"
						+ "migration.locations=filesystem:db/typo\n");
		CliRunner.Result strict = new CliRunner(this.dir).run("upgrade");
		assertThat(strict.exitCode()).isEqualTo(1);
		assertThat(strict.err()).isEqualTo("Error: Invalid configuration: 'migration.locations' names filesystem:"
				+ this.dir.resolve("db/typo") + ", which does not exist: no directory " + this.dir.resolve("db/typo")
				+ ". Fix the location (or create it), or set migration.fail-on-missing-locations=false to continue "
				+ "without it\n");
		CliRunner.Result lenient = new CliRunner(this.dir).env("MIGRATION_FAIL_ON_MISSING_LOCATIONS", "false")
			.run("upgrade");
		assertThat(lenient.exitCode()).as(lenient.toString()).isZero();
	}

	@Test
	void offlineWithoutDialectOrUrlSaysWhatToPass() {
		CliRunner.Result result = new CliRunner(this.dir).run("upgrade", "--sql");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).isEqualTo("Error: Offline mode (--sql) needs to know the database: pass --dialect "
				+ "postgresql|mariadb|mysql|h2|sqlite, or a --url (or spring.datasource.url in application.yml)\n");
	}

	@Test
	void unreachableDatabaseIsOneParagraphWithoutStackTraceAndPasswordMasked() {
		CliRunner.Result result = new CliRunner(this.dir).run("current", "--url",
				"jdbc:postgresql://127.0.0.1:1/app?password=hunter22", "--user", "app", "--password", "s3cr3t!");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err())
			.startsWith("Error: Cannot connect to jdbc:postgresql://127.0.0.1:1/app?password=**** " + "as 'app': ")
			.endsWith(". Check that the database is running and reachable, and the URL, user and password (--url, "
					+ "--user, --password, or spring.datasource.* in application.yml); for a database that is still "
					+ "starting, set migration.connect-retries (MIGRATION_CONNECT_RETRIES) to wait for it\n")
			.doesNotContain("hunter22")
			.doesNotContain("s3cr3t!")
			.doesNotContain("\tat ");
		assertThat(result.err().lines()).hasSize(1);
	}

	@Test
	void debugPrintsTheStackTraceAndSettingsWithThePasswordMasked() throws IOException {
		Files.writeString(this.dir.resolve("application.yml"), """
				spring:
				  datasource:
				    url: jdbc:postgresql://127.0.0.1:1/app
				    username: app
				    password: s3cr3t!
				""");
		CliRunner.Result result = new CliRunner(this.dir).run("current", "--debug");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err())
			.startsWith("Settings: url=jdbc:postgresql://127.0.0.1:1/app, user=app, password=****, "
					+ "locations=[classpath:db/migration], schema=null, version-table=migration_version, "
					+ "history-table=migration_history, read from application.yml\n")
			.contains("\tat ")
			.doesNotContain("s3cr3t!");
	}

	@Test
	void secretsMaskUrlPasswordsAndKnownPasswords() {
		Secrets secrets = new Secrets();
		secrets.add("pa55word");
		assertThat(secrets.mask("jdbc:mariadb://u:pw@host/db?password=x&ssl=true failed for pa55word"))
			.isEqualTo("jdbc:mariadb://u:****@host/db?password=****&ssl=true failed for ****");
	}

}
