package dev.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL callback scripts through the CLI: in offline SQL where they run, run by
 * {@code upgrade}, never listed as revisions, and a failing one is the error paragraph
 * naming its file and line.
 */
class CallbackCommandTests extends InProcessProject {

	private CliRunner.Result run(int exitCode, String... args) {
		CliRunner.Result result = this.cli.run(args);
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
		return result;
	}

	private void callback(String name, String sql) throws IOException {
		Files.writeString(this.dir.resolve("db/migration").resolve(name), sql);
	}

	@Test
	void callbacksAreInOfflineSqlAndRunByUpgradeButAreNoRevisions() throws IOException {
		Project.revision(this.dir, (args) -> run(0, args), "aaa001", "create account");
		callback("afterUpgrade.sql", "CREATE TABLE IF NOT EXISTS cb_cli (id INT);\n");
		callback("beforeEachRevision.sql", "CREATE TABLE IF NOT EXISTS cb_each (id INT);\n");
		String sql = run(0, "upgrade", "--sql").out();
		assertThat(sql).containsSubsequence("-- Upgrade aaa001", "beforeEachRevision.sql) for aaa001",
				"CREATE TABLE IF NOT EXISTS cb_each (id INT);", "CREATE TABLE t_aaa001", "-- Callback afterUpgrade (",
				"afterUpgrade.sql)", "CREATE TABLE IF NOT EXISTS cb_cli (id INT);");
		assertThat(run(0, "history").out()).isEqualTo("<base> -> aaa001 (head), create account\n");
		run(0, "upgrade");
		assertThat(this.database.query("SELECT COUNT(*) FROM cb_cli")).containsExactly(List.of("0"));
		assertThat(this.database.query("SELECT COUNT(*) FROM cb_each")).containsExactly(List.of("0"));
	}

	@Test
	void aFailingCallbackIsOneParagraphNamingFileAndLine() throws IOException {
		Project.revision(this.dir, (args) -> run(0, args), "aaa001", "create account");
		callback("beforeEachRevision.sql", "-- a check\n\nSELECT * FROM cb_nowhere;\n");
		CliRunner.Result result = run(1, "upgrade");
		assertThat(result.err()).startsWith("Error: Callback beforeEachRevision (")
			.contains("/db/migration/beforeEachRevision.sql:3, statement 1, around revision aaa001) failed: ")
			.contains("CB_NOWHERE")
			.endsWith("Fix the callback and run the command again\n")
			.doesNotContain("\tat ");
		assertThat(result.err().lines()).hasSize(1);
		assertThat(this.database.query("SELECT COUNT(*) FROM migration_version")).containsExactly(List.of("0"));
	}

}
