package dev.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --schemas} and {@code --schemas-query} in-process on PostgreSQL and MariaDB: one
 * line per schema, a summary, and exit code 1 when a schema failed after the others ran.
 */
@ParameterizedClass
@EnumSource(names = { "POSTGRESQL", "MARIADB" })
class TenantCommandTests {

	@Parameter
	DatabaseKind kind;

	@TempDir
	Path dir;

	private TestDatabase db;

	/** The schemas a test made, dropped after it. */
	private final List<String> schemas = new ArrayList<>();

	@BeforeEach
	void createDatabase() {
		this.db = TestDatabase.create(this.kind);
	}

	@AfterEach
	void dropSchemasAndDatabase() {
		if (this.db == null) {
			// the database kind is not available here: the test was skipped
			return;
		}
		try {
			for (String schema : this.schemas) {
				this.db.execute((this.kind == DatabaseKind.MARIADB) ? "DROP DATABASE IF EXISTS " + schema
						: "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
			}
		}
		finally {
			this.db.close();
		}
	}

	@Test
	void upgradeCurrentDowngradeOnEverySchemaWithAFailingOneReported() throws IOException {
		String a = schema("_a");
		String b = schema("_b");
		String c = schema("_c");
		CliRunner cli = project();
		String schemas = a + "," + b + "," + c;
		// b already has the table the first revision creates: only b fails
		this.db.execute(create(b));
		this.db.execute("CREATE TABLE " + b + ".account (id INT PRIMARY KEY)");
		CliRunner.Result upgrade = cli.run("upgrade", "--schemas", schemas, "--parallelism", "4");
		assertThat(upgrade.exitCode()).as(upgrade.toString()).isEqualTo(1);
		assertThat(upgrade.out()).contains(a + ": 2 revisions, now at bbb001\n")
			.contains(c + ": 2 revisions, now at bbb001\n")
			.containsPattern(b + ": FAILED: .*account")
			.contains("3 schemas: 2 migrated, 1 failed (" + b + ") in ");
		assertThat(upgrade.err()).startsWith("Error: 1 of 3 schemas failed; the others ran to the end.");
		assertThat(this.db.query("SELECT version_num FROM " + c + ".migration_version"))
			.containsExactly(List.of("bbb001"));

		CliRunner.Result current = cli.run("current", "--schemas", schemas);
		assertThat(current.exitCode()).as(current.toString()).isZero();
		assertThat(current.out()).startsWith(a + ": bbb001\n" + b + ": <base>\n" + c + ": bbb001\n")
			.contains("3 schemas: 3 read, 0 failed in ");

		this.db.execute("CREATE TABLE " + this.db.name() + ".tenants (name VARCHAR(64))");
		this.db.execute("INSERT INTO " + this.db.name() + ".tenants VALUES ('" + a + "'), ('" + c + "')");
		CliRunner.Result downgrade = cli.run("downgrade", "aaa001", "--schemas-query",
				"SELECT name FROM " + this.db.name() + ".tenants ORDER BY name");
		assertThat(downgrade.exitCode()).as(downgrade.toString()).isZero();
		assertThat(downgrade.out())
			.isEqualTo(a + ": 1 revision, now at aaa001\n" + c + ": 1 revision, now at aaa001\n"
					+ downgrade.out().lines().toList().get(2) + "\n")
			.contains("2 schemas: 2 migrated, 0 failed in ");
		assertThat(this.db.query("SELECT version_num FROM " + a + ".migration_version"))
			.containsExactly(List.of("aaa001"));
	}

	/**
	 * {@code status} and {@code history} take {@code --schemas}; {@code status},
	 * {@code history} and {@code current} print JSON per schema with {@code --json}. A
	 * schema that cannot be read is reported and makes the exit code 1 after the others.
	 */
	@Test
	void statusHistoryAndJsonPerSchema() throws IOException {
		String a = schema("_sa");
		String b = schema("_sb");
		CliRunner cli = project();
		assertThat(cli.run("upgrade", "--schemas", a).exitCode()).isZero();
		assertThat(cli.run("upgrade", "aaa001", "--schemas", b).exitCode()).isZero();
		String schemas = a + "," + b;

		CliRunner.Result status = cli.run("status", "--schemas", schemas);
		assertThat(status.exitCode()).as(status.toString()).isZero();
		assertThat(status.out()).isEqualTo(a + ": at target, at bbb001\n" + b
				+ ": behind, at aaa001, 1 pending (bbb001)\n2 schemas: 1 at target, 1 behind\n");

		CliRunner.Result statusJson = cli.run("status", "--schemas", schemas, "--json");
		assertThat(statusJson.exitCode()).as(statusJson.toString()).isZero();
		assertThat(flat(statusJson.out())).contains("\"schema\":\"" + b + "\"")
			.contains("\"pending\":[\"bbb001\"]")
			.contains("\"state\":\"BEHIND\"")
			.contains("\"state\":\"AT_TARGET\"")
			.contains("\"summary\":{\"schemas\":2,\"read\":2,\"failed\":0}")
			.doesNotContain("\"revisions\"");

		CliRunner.Result history = cli.run("history", "--schemas", schemas);
		assertThat(history.exitCode()).as(history.toString()).isZero();
		assertThat(history.out()).startsWith(a + ":\n  aaa001 -> bbb001 (head) (current), Revision bbb001\n")
			.contains(b + ":\n  aaa001 -> bbb001 (head), Revision bbb001\n  <base> -> aaa001 (current), ");

		CliRunner.Result historyJson = cli.run("history", "--schemas", schemas, "--json");
		assertThat(historyJson.exitCode()).as(historyJson.toString()).isZero();
		assertThat(flat(historyJson.out())).contains("\"schema\":\"" + a + "\",\"current\":[\"bbb001\"]")
			.contains("\"schema\":\"" + b + "\",\"current\":[\"aaa001\"]");

		CliRunner.Result current = cli.run("current", "--schemas", schemas, "--json");
		assertThat(current.exitCode()).as(current.toString()).isZero();
		assertThat(flat(current.out())).contains("\"schema\":\"" + a + "\",\"current\":[\"bbb001\"],\"atHeads\":true")
			.contains("\"schema\":\"" + b + "\",\"current\":[\"aaa001\"],\"atHeads\":false");

		// a schema whose version table cannot be read: reported, the others still
		// read
		String broken = schema("_sx");
		this.db.execute(create(broken));
		this.db.execute("CREATE TABLE " + broken + ".migration_version (other INT)");
		CliRunner.Result failing = cli.run("status", "--schemas", a + "," + broken, "--json");
		assertThat(failing.exitCode()).as(failing.toString()).isEqualTo(1);
		assertThat(flat(failing.out())).contains("\"schema\":\"" + broken + "\",\"error\":")
			.contains("\"summary\":{\"schemas\":2,\"read\":1,\"failed\":1}");
		assertThat(failing.err()).contains("1 of 2 schemas could not be read (" + broken + ")");
		this.db.execute(
				(this.kind == DatabaseKind.MARIADB) ? "DROP DATABASE " + broken : "DROP SCHEMA " + broken + " CASCADE");
	}

	/** JSON output without whitespace, to match keys and values regardless of layout. */
	private static String flat(String json) {
		return json.replaceAll("\\s+", "");
	}

	/** A schema name for this test, dropped after it. */
	private String schema(String suffix) {
		String schema = this.db.name() + suffix;
		this.schemas.add(schema);
		return schema;
	}

	private String create(String schema) {
		return ((this.kind == DatabaseKind.MARIADB) ? "CREATE DATABASE " : "CREATE SCHEMA ") + schema;
	}

	private CliRunner project() throws IOException {
		Project.create(this.dir, this.db.url(), this.db.user(), this.db.password());
		write("aaa001", "", "CREATE TABLE account (id INT PRIMARY KEY);", "DROP TABLE account;");
		write("bbb001", "aaa001", "CREATE TABLE orders (id INT PRIMARY KEY);", "DROP TABLE orders;");
		return new CliRunner(this.dir);
	}

	private void write(String id, String revises, String upgrade, String downgrade) throws IOException {
		Files.writeString(this.dir.resolve("db/migration/" + id + "_revision.sql"),
				"-- migration: Revision " + id + "\n-- revision: " + id + "\n"
						+ (revises.isEmpty() ? "" : "-- revises: " + revises + "\n") + "\n-- +upgrade\n" + upgrade
						+ "\n\n-- +downgrade\n" + downgrade + "\n");
	}

}
