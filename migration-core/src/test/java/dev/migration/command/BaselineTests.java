package dev.migration.command;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.BaselineRequiredException;
import dev.migration.MigrationResult;
import dev.migration.PartialMigrationException;
import dev.migration.sql.DriverDataSource;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BaselineTests {

	@TempDir
	Path dir;

	@EachDatabase
	void upgradeRefusesASchemaBuiltWithoutTheToolNamingItAndTheRemedies(DatabaseKind kind, TestDatabase db) {
		db.execute("CREATE TABLE author (id INT PRIMARY KEY)", "CREATE VIEW author_ids AS SELECT id FROM author");
		Migrator migrator = new Scripts(this.dir).linear().migrator(db);
		String schema = switch (kind) {
			case H2 -> "PUBLIC";
			case SQLITE -> "main";
			default -> db.name();
		};
		String author = (kind == DatabaseKind.H2) ? "AUTHOR" : "author";
		String view = (kind == DatabaseKind.H2) ? "AUTHOR_IDS" : "author_ids";
		assertThatExceptionOfType(BaselineRequiredException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessage("Schema " + schema + " already holds 2 objects (table " + author + ", view " + view
					+ ") but has no version table (migration_version), so it was not built by this tool and no "
					+ "revision ran. If the schema already matches a revision, set migration.baseline=<revision> "
					+ "(or heads; CLI: upgrade --baseline <revision>, Maven: -Dmigration.baseline=<revision>) to "
					+ "record that revision and upgrade from it, or run 'stamp <revision>' first; if these "
					+ "objects are not yours, point migration.schema or the URL at an empty schema");
		assertThat(db.tables()).doesNotContain("migration_version", "migration_history", "t1");
	}

	@EachDatabase
	void baselineStampsTheRevisionInTheSameRunAndUpgradesTheRest(TestDatabase db) {
		db.execute("CREATE TABLE t1 (id INT PRIMARY KEY)");
		Scripts scripts = new Scripts(this.dir).linear();
		Migrator migrator = new Migrator(scripts.config(db).baseline("a1").build());
		MigrationResult result = migrator.upgrade("heads");
		assertThat(result.fromHeads()).isEmpty();
		assertThat(result.toHeads()).containsExactly("a3");
		assertThat(result.steps()).extracting(MigrationResult.Step::revision).containsExactly("a1", "a2", "a3");
		assertThat(Rows.versions(db)).containsExactly("a3");
		assertThat(Rows.history(db)).containsExactly("a1 STAMP ok 0/0", "a2 UPGRADE ok 1/1", "a3 UPGRADE ok 1/1");
		assertThat(Rows.userTables(db)).containsExactly("t1", "t2", "t3");
		// the setting only matters for a schema without a version table
		assertThat(migrator.upgrade("heads").steps()).isEmpty();
	}

	@EachDatabase
	void baselineHeadsStampsEveryHeadAndRunsNothing(TestDatabase db) {
		db.execute("CREATE TABLE t1 (id INT PRIMARY KEY)");
		Migrator migrator = new Migrator(new Scripts(this.dir).linear().config(db).baseline("heads").build());
		Rows.upgradeTo(migrator, db, "heads", "a3");
		assertThat(Rows.history(db)).containsExactly("a3 STAMP ok 0/0");
		assertThat(Rows.userTables(db)).containsExactly("t1");
	}

	@EachDatabase
	void theToolsOwnTablesAndThoseOfFlywayAndLiquibaseDoNotCount(TestDatabase db) {
		db.execute("CREATE TABLE flyway_schema_history (installed_rank INT PRIMARY KEY)",
				"CREATE TABLE databasechangelog (id VARCHAR(255))",
				"CREATE TABLE databasechangeloglock (id INT PRIMARY KEY)",
				"CREATE TABLE migration_version_lock (id INT PRIMARY KEY)");
		Migrator migrator = new Migrator(new Scripts(this.dir).linear().config(db).baseline("a2").build());
		migrator.upgrade("heads");
		// an empty schema is upgraded from the start: the baseline is not stamped
		assertThat(Rows.history(db)).containsExactly("a1 UPGRADE ok 1/1", "a2 UPGRADE ok 1/1", "a3 UPGRADE ok 1/1");
	}

	@EachDatabase
	void anyOneObjectAloneMakesTheSchemaOneBuiltWithoutTheTool(DatabaseKind kind, TestDatabase db) {
		// each alone in the schema, where a cheap first look could miss it: create, drop,
		// the object reported
		List<List<String>> lone = switch (kind) {
			case POSTGRESQL -> List.of(List.of("CREATE VIEW lone AS SELECT 1 AS one", "DROP VIEW lone", "view lone"),
					List.of("CREATE MATERIALIZED VIEW lone AS SELECT 1 AS one", "DROP MATERIALIZED VIEW lone",
							"materialized view lone"),
					List.of("CREATE SEQUENCE lone", "DROP SEQUENCE lone", "sequence lone"),
					List.of("CREATE TABLE lone (id INT) PARTITION BY RANGE (id)", "DROP TABLE lone", "table lone"),
					List.of("CREATE TABLE lone (id INT, at DATE) PARTITION BY RANGE ((id + 1), at)", "DROP TABLE lone",
							"table lone"),
					List.of("CREATE FUNCTION lone() RETURNS INT LANGUAGE SQL AS 'SELECT 42'", "DROP FUNCTION lone()",
							"function lone"),
					List.of("CREATE PROCEDURE lone() LANGUAGE SQL AS 'SELECT 42'", "DROP PROCEDURE lone()",
							"function lone"),
					List.of("CREATE TYPE lone AS ENUM ('ok')", "DROP TYPE lone", "type lone"),
					List.of("CREATE DOMAIN lone AS INT CHECK (VALUE > 0)", "DROP DOMAIN lone", "type lone"),
					List.of("CREATE TYPE lone AS RANGE (subtype = float8)", "DROP TYPE lone", "type lone"));
			case MARIADB -> List.of(List.of("CREATE VIEW lone AS SELECT 1 AS one", "DROP VIEW lone", "view lone"),
					List.of("CREATE SEQUENCE lone", "DROP SEQUENCE lone", "sequence lone"),
					List.of("CREATE FUNCTION lone() RETURNS INT RETURN 42", "DROP FUNCTION lone", "function lone"),
					List.of("CREATE PROCEDURE lone() SELECT 42", "DROP PROCEDURE lone", "procedure lone"));
			case H2 -> List.of(List.of("CREATE VIEW lone AS SELECT 1 AS one", "DROP VIEW lone", "view LONE"));
			case SQLITE -> List.of(List.of("CREATE VIEW lone AS SELECT 1 AS one", "DROP VIEW lone", "view lone"));
		};
		Migrator migrator = new Scripts(this.dir).linear().migrator(db);
		for (List<String> object : lone) {
			db.execute(object.get(0));
			assertThatExceptionOfType(BaselineRequiredException.class).as(object.get(0))
				.isThrownBy(() -> migrator.upgrade("heads"))
				.satisfies((ex) -> assertThat(ex.getObjects()).containsExactly(object.get(2)));
			db.execute(object.get(1));
		}
		// and once they are gone, the schema is empty
		Rows.upgradeTo(migrator, db, "heads", "a3");
		assertThat(Rows.history(db)).containsExactly("a1 UPGRADE ok 1/1", "a2 UPGRADE ok 1/1", "a3 UPGRADE ok 1/1");
	}

	@EachDatabase
	void aBookkeepingTableInOtherLetterCaseDoesNotCountEither(DatabaseKind kind, TestDatabase db) {
		// not left out by the first look, which compares names exactly; the detailed
		// inventory then leaves it out
		db.execute((kind == DatabaseKind.POSTGRESQL) ? "CREATE TABLE \"Flyway_Schema_History\" (id INT)"
				: "CREATE TABLE Flyway_Schema_History (id INT)");
		Migrator migrator = new Scripts(this.dir).linear().migrator(db);
		Rows.upgradeTo(migrator, db, "heads", "a3");
		assertThat(Rows.history(db)).containsExactly("a1 UPGRADE ok 1/1", "a2 UPGRADE ok 1/1", "a3 UPGRADE ok 1/1");
	}

	@EachDatabase
	void aHistoryTableLeftWithoutItsVersionTableIsStillRead(TestDatabase db) {
		Migrator migrator = new Scripts(this.dir).linear().migrator(db);
		migrator.upgrade("heads");
		db.execute("DROP TABLE migration_version", "DROP TABLE t3", "DROP TABLE t2", "DROP TABLE t1",
				"UPDATE migration_history SET success = NULL, finished_at = NULL WHERE revision = 'a3'");
		// the version table is created again; the history table is not new, and its
		// newest row still refuses the run
		assertThatExceptionOfType(PartialMigrationException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageStartingWith("A previous upgrade of revision a3 (")
			.withMessageContaining("the version table (base) is not where that run left it");
	}

	@Test
	void extensionObjectsDoNotCountOnPostgresql() throws SQLException {
		try (TestDatabase server = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			String name = "mt_ext_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
			String url = server.url().replaceFirst("(//[^/]+/)[^?]*(\\?.*)?$", "$1" + name);
			execute(server.url(), server, "CREATE DATABASE " + name);
			try {
				execute(url, server, "CREATE EXTENSION citext", "CREATE EXTENSION pg_trgm");
				DriverDataSource dataSource = new DriverDataSource(url, server.user(), server.password(), null, null);
				Scripts scripts = new Scripts(this.dir).linear();
				new Migrator(scripts.config(server).dataSource(dataSource).build()).upgrade("heads");
				execute(url, server, "DROP TABLE migration_version", "CREATE TABLE author (id INT)");
				assertThatExceptionOfType(BaselineRequiredException.class)
					.isThrownBy(
							() -> new Migrator(scripts.config(server).dataSource(dataSource).build()).upgrade("heads"))
					.withMessageStartingWith("Schema public already holds 4 objects (table author, table t1, "
							+ "table t2, table t3) but has no version table");
			}
			finally {
				execute(server.url().replaceFirst("(//[^/]+/)[^?]*(\\?.*)?$", "$1postgres"), server,
						"DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			}
		}
	}

	private static void execute(String url, TestDatabase server, String... sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, server.user(), server.password());
				Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
	}

	@EachDatabase({ DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB })
	void routinesCount(DatabaseKind kind, TestDatabase db) {
		db.execute(
				(kind == DatabaseKind.POSTGRESQL) ? "CREATE FUNCTION answer() RETURNS INT LANGUAGE SQL AS 'SELECT 42'"
						: "CREATE FUNCTION answer() RETURNS INT RETURN 42");
		Migrator migrator = new Scripts(this.dir).linear().migrator(db);
		assertThatExceptionOfType(BaselineRequiredException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.satisfies((ex) -> assertThat(ex.getObjects()).containsExactly("function answer"));
		assertThat(List.copyOf(db.tables())).doesNotContain("migration_version");
	}

}
