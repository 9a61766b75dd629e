package dev.migration.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.MigrationConfig;
import dev.migration.MigrationResult;
import dev.migration.command.Migrator;
import dev.migration.testing.Catalog;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FlywayImportTests {

	@TempDir
	Path dir;

	private Path output() {
		return this.dir.resolve("db/migration");
	}

	private FlywayProject project(DatabaseKind kind) {
		return new FlywayProject(this.dir.resolve("flyway"), kind);
	}

	/** The Flyway project, migrated by the real Flyway on the database. */
	private FlywayProject migrated(TestDatabase db) {
		FlywayProject project = project(db.kind());
		project.migrate(db);
		return project;
	}

	private MigrationConfig config(TestDatabase db) {
		// the same value Flyway filled in (FlywayProject): imported scripts keep ${owner}
		// as written
		return MigrationConfig.builder()
			.dataSource(db.dataSource())
			.locations("filesystem:" + output())
			.placeholders(Map.of("owner", "ops"))
			.build();
	}

	@EachDatabase({ DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB, DatabaseKind.H2 })
	void importedFlywayDatabaseUpgradesAsANoOpAndTakesTheNextRevision(TestDatabase db) throws IOException {
		FlywayProject project = migrated(db);
		List<String> catalog = Catalog.of(db);
		List<List<String>> flywayRows = db
			.query(sql(db, "SELECT * FROM flyway_schema_history ORDER BY installed_rank"));

		FlywayImport flyway = FlywayImport.read(List.of(project.dir()));
		ImportResult result = flyway.importInto(output(), config(db), FlywayImport.DEFAULT_TABLE);

		assertThat(result.revisions()).hasSize(FlywayProject.REVISIONS);
		assertThat(result.stamped()).isEqualTo("v6");
		assertThat(result.repeatablesRecorded()).containsExactly("r_customer_view", "r_settings_view");
		assertThat(result.repeatablesPending()).isEmpty();
		Migrator migrator = new Migrator(config(db));
		assertThat(migrator.current()).containsExactly("v6");
		assertThat(migrator.status().isUpToDate()).isTrue();
		assertThat(migrator.upgrade("heads").steps()).isEmpty();
		assertThat(Catalog.of(db)).isEqualTo(catalog);
		assertThat(db.query(sql(db, "SELECT * FROM flyway_schema_history ORDER BY installed_rank")))
			.isEqualTo(flywayRows);
		assertThat(migrator.graph().revisions()).extracting((revision) -> revision.id())
			.containsSubsequence("v1_9", "v1_10", "v1_30", "v2", "v6");

		Files.writeString(output().resolve("n1_next.sql"),
				"-- revision: n1\n-- revises: v6\n\n-- +upgrade\n" + "CREATE TABLE next_one (id INT PRIMARY KEY);\n",
				StandardCharsets.UTF_8);
		MigrationResult next = new Migrator(config(db)).upgrade("heads");
		assertThat(next.steps()).extracting(MigrationResult.Step::revision).containsExactly("n1");
		assertThat(db.tables()).contains("next_one");
	}

	@Test
	void aFlywayCallbackIsNamedWithOurEvent() throws IOException {
		FlywayProject project = new FlywayProject(this.dir.resolve("flyway"), DatabaseKind.POSTGRESQL);
		project.write("afterMigrate__grants.sql", "GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader;\n");
		assertThatExceptionOfType(ImportRefusedException.class)
			.isThrownBy(() -> FlywayImport.read(List.of(project.dir())))
			.withMessageContaining(project.file("afterMigrate__grants.sql") + ": a Flyway SQL callback, which the "
					+ "import does not carry over; move it out of the Flyway locations, and after the import copy it "
					+ "into the new location as afterUpgrade__grants.sql (the same event here)");
	}

	@Test
	void scriptsBecomeOneChainWithProvenanceUndoAndTransactionFlags() throws IOException {
		FlywayProject project = project(DatabaseKind.POSTGRESQL);
		ImportResult result = FlywayImport.read(List.of(project.dir())).importInto(output(), null, "unused");
		assertThat(result.stamped()).isNull();
		assertThat(Files.readString(output().resolve("v1_10_create_item_10.sql"))).isEqualTo("""
				-- migration: create item 10
				-- revision: v1_10
				-- revises: v1_9
				-- imported-from: flyway V1_10__create_item_10.sql
				-- source-version: 1.10

				-- +upgrade
				CREATE TABLE item_10 (id INT PRIMARY KEY, note VARCHAR(50));
				ALTER TABLE item_9 ADD next_id INT;
				""");
		assertThat(Files.readString(output().resolve("v1_30_create_item_30.sql")))
			.contains("-- imported-from: flyway V1_30__create_item_30.sql, U1_30__create_item_30.sql\n")
			.endsWith("-- +downgrade\nDROP TABLE item_30;\n");
		assertThat(Files.readString(output().resolve("v5_customer_name_index.sql")))
			.contains("-- transactional: false\n");
		assertThat(Files.readString(output().resolve("v6_seed.sql"))).contains("-- transactional: false\n");
		assertThat(Files.readString(output().resolve("v2_settings.sql"))).contains("'${owner}'");
		assertThat(Files.readString(output().resolve("r_settings_view.sql"))).startsWith("""
				-- migration: settings view
				-- revision: r_settings_view
				-- repeatable: true
				-- imported-from: flyway R__settings_view.sql
				""");
		Migrator scripts = new Migrator(MigrationConfig.builder()
			.locations("filesystem:" + output())
			.placeholders(Map.of("owner", "ops"))
			.build());
		assertThat(scripts.graph().heads()).extracting((revision) -> revision.id()).containsExactly("v6");
		assertThat(scripts.graph().repeatables()).hasSize(2);
	}

	@EachDatabase({ DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB, DatabaseKind.H2 })
	void anEditedScriptIsRefusedNamingBothChecksumsAndNothingChanges(TestDatabase db) throws IOException {
		FlywayProject project = migrated(db);
		String before = db.query(sql(db, "SELECT checksum FROM flyway_schema_history WHERE version = '1.3'"))
			.get(0)
			.get(0);
		project.write("V1_3__create_item_3.sql", "CREATE TABLE item_3 (id INT PRIMARY KEY, note VARCHAR(60));\n"
				+ "ALTER TABLE item_2 ADD next_id INT;\n");
		FlywayImport flyway = FlywayImport.read(List.of(project.dir()));
		int now = FlywayChecksum.of(Files.readString(project.file("V1_3__create_item_3.sql")));
		assertThatExceptionOfType(ImportRefusedException.class)
			.isThrownBy(() -> flyway.importInto(output(), config(db), FlywayImport.DEFAULT_TABLE))
			.withMessage("Flyway's history table flyway_schema_history does not match the scripts, so nothing "
					+ "was imported:\n  - " + project.file("V1_3__create_item_3.sql")
					+ " does not match what Flyway applied as version 1.3 (V1_3__create_item_3.sql, installed_rank "
					+ "3): checksum " + before + " in flyway_schema_history, " + now + " now; restore the applied "
					+ "script (or run 'flyway repair' if the edit was intended) and import again\n"
					+ "Nothing was written and the database was not stamped.");
		assertNothingChanged(db);
	}

	@EachDatabase({ DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB, DatabaseKind.H2 })
	void aFailedRowIsRefusedNamingTheVersion(DatabaseKind kind, TestDatabase db) {
		FlywayProject project = project(kind);
		project.write("V7__broken.sql", "CREATE TABLE broken (id INT PRIMARY KEY);\nINSERT INTO nowhere VALUES (1);\n");
		project.write("V7__broken.sql.conf", "executeInTransaction=false\n");
		try {
			project.migrate(db);
		}
		catch (RuntimeException expected) {
			// Flyway records the non-transactional failure in its history table
		}
		assertThat(db.query(sql(db, "SELECT success FROM flyway_schema_history WHERE version = '7'"))).hasSize(1);
		assertRefused(db, project,
				"Flyway's history table flyway_schema_history does not match the scripts, so nothing "
						+ "was imported:\n  - Flyway recorded version 7 (V7__broken.sql, installed_rank 36) as failed: "
						+ "finish or revert its changes by hand, run 'flyway repair' and import again\n"
						+ "Nothing was written and the database was not stamped.");
	}

	@EachDatabase({ DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB, DatabaseKind.H2 })
	void anAppliedVersionWithoutItsScriptIsRefused(TestDatabase db) throws IOException {
		FlywayProject project = migrated(db);
		Files.delete(project.file("V6__seed.sql"));
		Files.delete(project.file("V6__seed.sql.conf"));
		assertRefused(db, project,
				"Flyway's history table flyway_schema_history does not match the scripts, so nothing "
						+ "was imported:\n  - Flyway applied version 6 (V6__seed.sql, installed_rank 35), but no "
						+ "script in the locations has version 6: add the missing script to the locations (or run "
						+ "'flyway repair' if it was deleted on purpose) and import again\n"
						+ "Nothing was written and the database was not stamped.");
	}

	/** Flyway quotes the names it creates: lower case on H2 too. */
	private static String sql(TestDatabase db, String sql) {
		return (db.kind() != DatabaseKind.H2) ? sql
				: sql.replaceAll("\\b(flyway_schema_history|installed_rank|checksum|success|version)\\b", "\"$1\"");
	}

	/** The import refuses with the message, writing nothing and stamping nothing. */
	private void assertRefused(TestDatabase db, FlywayProject project, String message) {
		assertThatExceptionOfType(ImportRefusedException.class)
			.isThrownBy(() -> FlywayImport.read(List.of(project.dir()))
				.importInto(output(), config(db), FlywayImport.DEFAULT_TABLE))
			.withMessage(message);
		assertNothingChanged(db);
	}

	private void assertNothingChanged(TestDatabase db) {
		assertThat(output()).doesNotExist();
		assertThat(db.tables()).doesNotContain("migration_version", "migration_history");
	}

	@Test
	void versionsOrderAsFlywayOrdersThem() {
		assertThat(FlywayVersion.parse("1.10")).isGreaterThan(FlywayVersion.parse("1.9"));
		assertThat(FlywayVersion.parse("1_2_1")).isGreaterThan(FlywayVersion.parse("1.2"));
		assertThat(FlywayVersion.parse("1.0")).isEqualByComparingTo(FlywayVersion.parse("1"));
		assertThat(FlywayVersion.parse("1.a")).isNull();
		assertThat(FlywayVersion.parse("2_10").revisionId()).isEqualTo("v2_10");
	}

}
