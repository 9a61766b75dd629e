package dev.migration.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code migration lint}: reads the scripts only, prints findings, exits by severity. */
class LintCommandTests {

	@TempDir
	Path dir;

	private TestDatabase database;

	private CliRunner cli;

	@BeforeEach
	void createProject() {
		this.database = TestDatabase.create(DatabaseKind.H2);
		Project.create(this.dir, this.database.url(), this.database.user(), this.database.password());
		this.cli = new CliRunner(this.dir);
		this.cli.run("revision", "-m", "create account", "--rev-id", "aaa001");
		Project.fill(this.dir, "aaa001", "CREATE TABLE account (id BIGINT PRIMARY KEY, name TEXT);",
				"DROP TABLE account;");
		this.cli.run("revision", "-m", "index names", "--rev-id", "bbb001");
		Project.fill(this.dir, "bbb001", "CREATE INDEX ix_account_name ON account (name);",
				"DROP INDEX ix_account_name;");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void exitCodeIsTheWorstSeverityAtOrAboveFailOn() {
		CliRunner.Result result = this.cli.run("lint", "--dialect", "postgresql");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
		assertThat(result.out())
			.contains("bbb001_index_names.sql:7: warning [require-concurrent-index-creation] "
					+ "builds index 'ix_account_name' on 'account' under a SHARE lock, which blocks every write to the "
					+ "table until the build ends\n    CREATE INDEX ix_account_name ON account (name)\n"
					+ "    fix: use CREATE INDEX CONCURRENTLY in a revision with '-- transactional: false'\n")
			.contains("Linted 2 revisions (2 statements): 1 finding. Failing:");
	}

	@Test
	void findingsBelowFailOnExitZero() {
		CliRunner.Result result = this.cli.run("lint", "--dialect", "postgresql", "--fail-on", "error", "--format",
				"json");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).startsWith("{\"fails\":false,\"failOn\":\"error\",\"revisions\":2,\"statements\":2,")
			.contains("\"rule\":\"require-concurrent-index-creation\"");
	}

	@Test
	void dialectComesFromTheConfiguredUrl() {
		CliRunner.Result result = this.cli.run("lint");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).isEqualTo("Linted 2 revisions (2 statements): no findings.\n");
	}

	@Test
	void sinceLintsOnlyLaterRevisions() {
		CliRunner.Result result = this.cli.run("lint", "--dialect", "postgresql", "--since", "bbb001");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).isEqualTo("Linted 0 revisions (0 statements): no findings.\n");
	}

	@Test
	void sarifReportForCodeScanning() {
		CliRunner.Result result = this.cli.run("lint", "--dialect", "postgresql", "--format", "sarif");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
		assertThat(result.out()).contains("\"version\":\"2.1.0\"")
			.contains("\"ruleId\":\"require-concurrent-index-creation\",\"level\":\"warning\"");
	}

}
