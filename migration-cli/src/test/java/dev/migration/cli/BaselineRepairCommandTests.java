package dev.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code upgrade --baseline} and {@code repair} in-process, on every database.
 */
class BaselineRepairCommandTests {

	@TempDir
	Path dir;

	private CliRunner project(TestDatabase database) {
		Project.create(this.dir, database.url(), database.user(), database.password());
		CliRunner cli = new CliRunner(this.dir);
		Project.revision(this.dir, cli::run, "aaa001", "create account table");
		Project.revision(this.dir, cli::run, "bbb001", "create orders table");
		return cli;
	}

	private static List<String> versions(TestDatabase database) {
		return database.query("SELECT version_num FROM migration_version").stream().map((row) -> row.get(0)).toList();
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void upgradeRefusesAnExistingSchemaAndBaselineAdoptsIt(DatabaseKind kind) {
		try (TestDatabase database = TestDatabase.create(kind)) {
			CliRunner cli = project(database);
			database.execute("CREATE TABLE t_aaa001 (id INT PRIMARY KEY)");
			CliRunner.Result refused = cli.run("upgrade");
			assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
			assertThat(refused.err()).startsWith("Error: Schema ")
				.contains(" already holds 1 object (table ")
				.contains("set migration.baseline=<revision> (or heads; CLI: upgrade --baseline <revision>");
			assertThat(database.tables()).doesNotContain("migration_version");

			CliRunner.Result adopted = cli.run("upgrade", "--baseline", "aaa001");
			assertThat(adopted.exitCode()).as(adopted.toString()).isZero();
			assertThat(adopted.out())
				.containsPattern("\nBaselined at aaa001; upgraded 1 revision in \\d+\\.\\d\\d s; now at bbb001\n$");
			assertThat(versions(database)).containsExactly("bbb001");
			assertThat(database.tables()).contains("t_aaa001", "t_bbb001");
		}
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "POSTGRESQL", "MARIADB", "H2" })
	void offlineUpgradeWithABaselineStampsItThenUpgradesTheRest(DatabaseKind kind) {
		try (TestDatabase database = TestDatabase.create(kind)) {
			CliRunner cli = project(database);
			CliRunner.Result empty = cli.run("upgrade", "--sql", "--baseline", "aaa001");
			assertThat(empty.exitCode()).as(empty.toString()).isZero();
			assertThat(empty.out()).contains("CREATE TABLE t_aaa001", "CREATE TABLE t_bbb001")
				.doesNotContain("(baseline aaa001)");

			database.execute("CREATE TABLE t_aaa001 (id INT PRIMARY KEY)");
			CliRunner.Result offline = cli.run("upgrade", "--sql", "--baseline", "aaa001");
			assertThat(offline.exitCode()).as(offline.toString()).isZero();
			String script = offline.out();
			assertThat(script)
				.contains("-- Offline upgrade base -> heads (baseline aaa001) for ", "CREATE TABLE t_bbb001")
				.doesNotContain("CREATE TABLE t_aaa001");
			assertThat(script.indexOf("'aaa001'")).as(script).isPositive().isLessThan(script.indexOf("t_bbb001"));
			assertThat(database.tables()).doesNotContain("migration_version", "t_bbb001");

			database.execute(script.lines()
				.filter((line) -> !line.startsWith("--"))
				.reduce("", (all, line) -> all + line + "\n")
				.split(";\\s*\n"));
			assertThat(versions(database)).containsExactly("bbb001");
			assertThat(database.tables()).contains("t_bbb001");
		}
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void repairReRecordsAnEditedScriptsChecksumAndPrintsOldAndNew(DatabaseKind kind) throws IOException {
		try (TestDatabase database = TestDatabase.create(kind)) {
			CliRunner cli = project(database);
			assertThat(cli.run("upgrade").exitCode()).isZero();
			Path script = Project.file(this.dir, "aaa001");
			Files.writeString(script, Files.readString(script)
				.replace("CREATE TABLE t_aaa001", "-- accounts of the shop\nCREATE TABLE t_aaa001"));
			CliRunner.Result refused = cli.run("upgrade");
			assertThat(refused.exitCode()).isEqualTo(1);
			assertThat(refused.err()).contains("if the edit is intended, run 'repair' to record the new checksum");

			CliRunner.Result repaired = cli.run("repair", "--revision", "aaa001");
			assertThat(repaired.exitCode()).as(repaired.toString()).isZero();
			assertThat(repaired.out()).matches("(?s)aaa001: checksum [0-9a-f]{64} -> [0-9a-f]{64} \\(filesystem:.*"
					+ "aaa001_create_account_table.sql\\)\nRepaired 1 checksum; recorded in the history table\n");
			assertThat(cli.run("validate").exitCode()).isZero();
			assertThat(cli.run("repair").out())
				.isEqualTo("Nothing to repair: every applied checksum matches its script\n");
			assertThat(database.query("SELECT revision FROM migration_history WHERE direction = 'REPAIR'"))
				.containsExactly(List.of("aaa001"));
		}
	}

}
