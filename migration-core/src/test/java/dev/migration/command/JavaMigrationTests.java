package dev.migration.command;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

import dev.migration.Migration;
import dev.migration.MigrationContext;
import dev.migration.MigrationFailedException;
import dev.migration.RevisionInfo;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JavaMigrationTests {

	@TempDir
	Path dir;

	@RevisionInfo(id = "j2", revises = "a1", message = "Seed rows")
	static class SeedRows implements Migration {

		@Override
		public void upgrade(MigrationContext context) throws Exception {
			context.execute("CREATE TABLE seed (id INT PRIMARY KEY, name VARCHAR(20))");
			try (PreparedStatement insert = context.connection()
				.prepareStatement("INSERT INTO seed (id, name) VALUES (?, ?)")) {
				insert.setInt(1, 1);
				insert.setString(2, context.revision().id());
				insert.executeUpdate();
			}
		}

		@Override
		public void downgrade(MigrationContext context) {
			context.execute("DROP TABLE seed");
		}

	}

	@RevisionInfo(id = "j3", revises = "a1")
	static class Failing implements Migration {

		@Override
		public void upgrade(MigrationContext context) {
			throw new IllegalStateException("no seed data for region eu-3");
		}

	}

	@EachDatabase
	void javaMigrationRunsWithTheConnectionAndCanBeReverted(TestDatabase db) {
		Scripts scripts = new Scripts(this.dir).add("a1", "", "CREATE TABLE t1 (id INT PRIMARY KEY);",
				"DROP TABLE t1;");
		Migrator migrator = new Migrator(scripts.config(db).migrations(List.of(new SeedRows())).build());
		Rows.upgradeTo(migrator, db, "heads", "j2");
		assertThat(db.query("SELECT id, name FROM seed")).containsExactly(List.of("1", "j2"));
		assertThat(Rows.history(db)).containsExactly("a1 UPGRADE ok 1/1", "j2 UPGRADE ok 1/null");
		migrator.downgrade("a1");
		assertThat(Rows.userTables(db)).containsExactly("t1");
		assertThat(Rows.versions(db)).containsExactly("a1");
	}

	@EachDatabase
	void javaMigrationFailureNamesTheClass(DatabaseKind kind, TestDatabase db) {
		Scripts scripts = new Scripts(this.dir).add("a1", "", "CREATE TABLE t1 (id INT PRIMARY KEY);",
				"DROP TABLE t1;");
		Migrator migrator = new Migrator(scripts.config(db).migrations(List.of(new Failing())).build());
		String remedy = kind.dialect().supportsTransactionalDdl()
				? "The revision was rolled back; the version table still says a1 and earlier revisions stay "
						+ "applied. Fix the script and run the command again"
				: "No statement of it had completed, so nothing changed; the version table still says a1. Fix "
						+ "the script and run the command again";
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessage(
					"Revision j3 (" + Failing.class.getName() + ") failed: no seed data for region eu-3. " + remedy);
		assertThat(Rows.versions(db)).containsExactly("a1");
		assertThat(Rows.history(db)).containsExactly("a1 UPGRADE ok 1/1", "j3 UPGRADE failed 0/null");
	}

	@org.junit.jupiter.api.Test
	void offlineSqlIncludesWhatJavaMigrationsExecuteAndRefusesTheirConnection() {
		Scripts scripts = new Scripts(this.dir).add("a1", "", "CREATE TABLE t1 (id INT PRIMARY KEY);",
				"DROP TABLE t1;");
		Migrator migrator = new Migrator(dev.migration.MigrationConfig.builder()
			.dialect(dev.migration.sql.Dialect.POSTGRESQL)
			.locations(scripts.location())
			.migrations(List.of(new SeedRows()))
			.build());
		assertThatExceptionOfType(dev.migration.MigrationException.class)
			.isThrownBy(() -> migrator.upgradeSql("base:heads"))
			.withMessage("Revision j2 (" + SeedRows.class.getName() + ") uses the JDBC connection, which offline SQL "
					+ "does not have: use context.execute(sql) for what it runs, or check context.isOffline()");
		assertThat(migrator.downgradeSql("j2:a1")).contains("-- Downgrade j2: Seed rows (" + SeedRows.class.getName()
				+ "); version table [j2] -> [a1]\n\nBEGIN;\n\nDROP TABLE seed;\n\n"
				+ "UPDATE migration_version SET version_num = 'a1' WHERE version_num = 'j2';\n\n");
	}

}
