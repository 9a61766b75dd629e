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
 * {@code --schemas} and {@code --schemas-query} in-process on PostgreSQL and MariaDB: one
 * line per schema, a summary, and exit code 1 when a schema failed after the others ran.
 */
class TenantCommandTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@EnumSource(names = { "POSTGRESQL", "MARIADB" })
	void upgradeCurrentDowngradeOnEverySchemaWithAFailingOneReported(DatabaseKind kind) throws IOException {
		try (TestDatabase db = TestDatabase.create(kind)) {
			String a = db.name() + "_a";
			String b = db.name() + "_b";
			String c = db.name() + "_c";
			try {
				CliRunner cli = project(db);
				String schemas = a + "," + b + "," + c;
				// b already has the table the first revision creates: only b fails
				db.execute(create(kind, b));
				db.execute("CREATE TABLE " + b + ".account (id INT PRIMARY KEY)");
				CliRunner.Result upgrade = cli.run("upgrade", "--schemas", schemas, "--parallelism", "4");
				assertThat(upgrade.exitCode()).as(upgrade.toString()).isEqualTo(1);
				assertThat(upgrade.out()).contains(a + ": 2 revisions, now at bbb001\n")
					.contains(c + ": 2 revisions, now at bbb001\n")
					.containsPattern(b + ": FAILED: .*account")
					.contains("3 schemas: 2 migrated, 1 failed (" + b + ") in ");
				assertThat(upgrade.err()).startsWith("Error: 1 of 3 schemas failed; the others ran to the end.");
				assertThat(db.query("SELECT version_num FROM " + c + ".migration_version"))
					.containsExactly(List.of("bbb001"));

				CliRunner.Result current = cli.run("current", "--schemas", schemas);
				assertThat(current.exitCode()).as(current.toString()).isZero();
				assertThat(current.out()).startsWith(a + ": bbb001\n" + b + ": <base>\n" + c + ": bbb001\n")
					.contains("3 schemas: 3 read, 0 failed in ");

				db.execute("CREATE TABLE " + db.name() + ".tenants (name VARCHAR(64))");
				db.execute("INSERT INTO " + db.name() + ".tenants VALUES ('" + a + "'), ('" + c + "')");
				CliRunner.Result downgrade = cli.run("downgrade", "aaa001", "--schemas-query",
						"SELECT name FROM " + db.name() + ".tenants ORDER BY name");
				assertThat(downgrade.exitCode()).as(downgrade.toString()).isZero();
				assertThat(downgrade.out())
					.isEqualTo(a + ": 1 revision, now at aaa001\n" + c + ": 1 revision, now at aaa001\n"
							+ downgrade.out().lines().toList().get(2) + "\n")
					.contains("2 schemas: 2 migrated, 0 failed in ");
				assertThat(db.query("SELECT version_num FROM " + a + ".migration_version"))
					.containsExactly(List.of("aaa001"));
			}
			finally {
				for (String schema : List.of(a, b, c)) {
					db.execute((kind == DatabaseKind.MARIADB) ? "DROP DATABASE IF EXISTS " + schema
							: "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
				}
			}
		}
	}

	private static String create(DatabaseKind kind, String schema) {
		return ((kind == DatabaseKind.MARIADB) ? "CREATE DATABASE " : "CREATE SCHEMA ") + schema;
	}

	private CliRunner project(TestDatabase db) throws IOException {
		Project.create(this.dir, db.url(), db.user(), db.password());
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
