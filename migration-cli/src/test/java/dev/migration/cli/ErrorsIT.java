package dev.migration.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exit codes and messages of the packaged jar: one paragraph on stderr, no stack trace,
 * no password.
 */
class ErrorsIT {

	private static final String CONNECTION_REMEDY = ". Check that the database is running and reachable, and the URL, "
			+ "user and password (--url, --user, --password, or spring.datasource.* in application.yml)\n";

	@TempDir
	Path dir;

	private static void assertOneParagraph(CliRunner.Result result, int exitCode) {
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
		assertThat(result.err().lines()).as(result.toString()).hasSize(1);
		assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception");
		assertThat(result.out()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "POSTGRESQL", "MARIADB" })
	void wrongCredentialsExitWithOneAndNameTheRemedyWithoutThePassword(DatabaseKind kind) {
		// an unknown user: the local PostgreSQL may trust any password of a known one
		try (TestDatabase database = TestDatabase.create(kind)) {
			CliRunner.Result result = CliProcess.run(this.dir, "upgrade", "--url", database.url(), "--user",
					"no_such_user", "--password", "Wr0ng-Secret");
			assertOneParagraph(result, 1);
			assertThat(result.err()).startsWith("Error: Cannot connect to " + database.url() + " as 'no_such_user': ")
				.containsAnyOf("role \"no_such_user\" does not exist", "Access denied for user 'no_such_user'")
				.endsWith(CONNECTION_REMEDY)
				.doesNotContain("Wr0ng-Secret");
		}
	}

	@Test
	void unreachableDatabaseExitsWithOne() {
		CliRunner.Result result = CliProcess.run(this.dir, "current", "--url", "jdbc:postgresql://127.0.0.1:1/app",
				"--user", "app", "--password", "s3cret");
		assertOneParagraph(result, 1);
		assertThat(result.err()).isEqualTo("Error: Cannot connect to jdbc:postgresql://127.0.0.1:1/app as 'app': "
				+ "Connection to 127.0.0.1:1 refused. Check that the hostname and port are correct and that the "
				+ "postmaster is accepting TCP/IP connections"
				+ CONNECTION_REMEDY.replace(")\n", "); for a database "
						+ "that is still starting, set migration.connect-retries (MIGRATION_CONNECT_RETRIES) to wait "
						+ "for it\n"));
	}

	@Test
	void badTargetExitsWithOne() {
		Project.create(this.dir, "jdbc:h2:file:" + this.dir.resolve("data/db"), "sa", "");
		CliRunner.Result result = CliProcess.run(this.dir, "upgrade", "nope12");
		assertOneParagraph(result, 1);
		assertThat(result.err())
			.isEqualTo("Error: No revision or branch label 'nope12'; run 'history' to list the revisions\n");
	}

	@Test
	void debugLogsWithoutEverPrintingThePassword() {
		Project.create(this.dir, "jdbc:h2:file:" + this.dir.resolve("data/db"), "sa", "S3cret-In-Yaml");
		CliRunner.Result result = CliProcess.run(this.dir, "current", "--debug");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.err()).contains("[DEBUG] ", "Settings: url=jdbc:h2:file:", "password=****")
			.doesNotContain("S3cret-In-Yaml");
		assertThat(result.out()).isEqualTo("<base> (no revision applied)\n");
	}

	@Test
	void failingStatementIsReportedOnceNamingFileLineAndRemedy() throws java.io.IOException {
		Project.create(this.dir, "jdbc:h2:file:" + this.dir.resolve("data/db"), "sa", "");
		assertThat(CliProcess.run(this.dir, "revision", "-m", "bad", "--rev-id", "bad001").exitCode()).isZero();
		Project.fill(this.dir, "bad001", "CREATE TABLEX oops;", "");
		CliRunner.Result result = CliProcess.run(this.dir, "upgrade");
		assertOneParagraph(result, 1);
		assertThat(result.err()).startsWith("Error: Revision bad001 (filesystem:" + this.dir.resolve("db/migration")
				+ "/bad001_bad.sql:6, statement 1) failed: Syntax error in SQL statement \"CREATE [*]TABLEX oops\"");
	}

	@Test
	void usageErrorExitsWithTwo() {
		CliRunner.Result result = CliProcess.run(this.dir, "upgrade", "--bogus");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).startsWith("Unknown option: '--bogus'\n");
	}

	@Test
	void launcherScriptRunsTheJar() {
		CliRunner.Result result = CliProcess.bash(this.dir, CliProcess.LAUNCHER.toAbsolutePath() + " --version",
				java.util.Map.of());
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).startsWith("migration ");
	}

}
