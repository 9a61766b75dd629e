package dev.migration.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migration.MigrationConfig;
import dev.migration.MigrationResult;
import dev.migration.command.Migrator;
import dev.migration.testing.Catalog;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LiquibaseImportTests {

	@TempDir
	Path dir;

	private Path output() {
		return this.dir.resolve("db/migration");
	}

	private MigrationConfig config(TestDatabase db) {
		// the value of the changelog's <property name="owner">: imported scripts keep
		// ${owner} as written
		return MigrationConfig.builder()
			.dataSource(db.dataSource())
			.locations("filesystem:" + output())
			.placeholders(Map.of("owner", "ops"))
			.build();
	}

	/**
	 * PostgreSQL in a database of its own: CREATE INDEX CONCURRENTLY waits for others.
	 */
	private static TestDatabase database(DatabaseKind kind) {
		return (kind == DatabaseKind.POSTGRESQL) ? TestDatabase.createPostgresqlDatabase() : TestDatabase.create(kind);
	}

	private static String last(DatabaseKind kind) {
		return "c035_customer_name_index";
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "POSTGRESQL", "MARIADB", "H2" })
	void importedLiquibaseDatabaseUpgradesAsANoOpAndAFreshDatabaseGetsTheSameCatalog(DatabaseKind kind)
			throws IOException {
		try (TestDatabase db = database(kind); TestDatabase fresh = database(kind)) {
			LiquibaseProject project = new LiquibaseProject(this.dir.resolve("liquibase"), kind);
			project.update(db);
			List<String> catalog = catalog(db);
			List<List<String>> liquibaseRows = db
				.query("SELECT ID, AUTHOR, MD5SUM FROM " + table(kind) + " ORDER BY ORDEREXECUTED");
			assertThat(liquibaseRows).hasSize(LiquibaseProject.REVISIONS);

			ImportResult result = LiquibaseImport.read(project.master(), null)
				.importInto(output(), config(db), LiquibaseImport.DEFAULT_TABLE);

			assertThat(result.revisions()).hasSize(LiquibaseProject.REVISIONS);
			assertThat(result.stamped()).isEqualTo(last(kind));
			assertThat(result.repeatablesRecorded()).containsExactly("r_customer_view");
			assertThat(result.repeatablesPending()).isEmpty();
			assertThat(result.notes()).anyMatch((note) -> note
				.startsWith("changes/002-routines.sql::seed::carol: " + "context 'test' not filtered on"));
			Migrator migrator = new Migrator(config(db));
			assertThat(migrator.current()).containsExactly(last(kind));
			assertThat(migrator.status().isUpToDate()).isTrue();
			assertThat(migrator.upgrade("heads").steps()).isEmpty();
			assertThat(catalog(db)).isEqualTo(catalog);
			assertThat(db.query("SELECT ID, AUTHOR, MD5SUM FROM " + table(kind) + " ORDER BY ORDEREXECUTED"))
				.isEqualTo(liquibaseRows);

			Files.writeString(output().resolve("n1_next.sql"), "-- revision: n1\n-- revises: " + last(kind)
					+ "\n\n-- +upgrade\nCREATE TABLE next_one (id INT PRIMARY KEY);\n", StandardCharsets.UTF_8);
			MigrationResult next = new Migrator(config(db)).upgrade("heads");
			assertThat(next.steps()).extracting(MigrationResult.Step::revision).containsExactly("n1");
			assertThat(db.tables()).contains("next_one");
			Files.delete(output().resolve("n1_next.sql"));

			// the imported revisions build what Liquibase built, and their rollbacks run
			Migrator ours = new Migrator(config(fresh));
			ours.upgrade("heads");
			assertThat(catalog(fresh)).isEqualTo(catalog);
			assertThat(fresh.query("SELECT v FROM settings WHERE k = 'owner'")).containsExactly(List.of("ops"));
			// a repeatable script has no downgrade: its view goes first, by hand
			fresh.execute("DROP VIEW customer_view");
			assertThat(ours.downgrade("c030_item_30").steps()).hasSize(5);
			assertThat(fresh.tables()).doesNotContain("settings", "customer").contains("item_30");
		}
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "POSTGRESQL", "H2" })
	void aYamlMasterChangelogImportsTheSameWayWithAYamlParser(DatabaseKind kind) {
		try (TestDatabase db = database(kind)) {
			LiquibaseProject project = new LiquibaseProject(this.dir.resolve("liquibase"), kind);
			project.update(db, "", "master.yaml");
			List<String> catalog = catalog(db);
			assertThatExceptionOfType(ImportRefusedException.class)
				.isThrownBy(() -> LiquibaseImport.read(project.file("master.yaml"), null))
				.withMessageContaining("master.yaml: only XML, YAML, JSON and formatted SQL changelogs are read (YAML "
						+ "and JSON by the CLI and the Maven goal, which bring a YAML parser)");
			ImportResult result = LiquibaseImport.read(project.file("master.yaml"), null, LiquibaseImportTests::yaml)
				.importInto(output(), config(db), LiquibaseImport.DEFAULT_TABLE);
			assertThat(result.revisions()).hasSize(LiquibaseProject.REVISIONS);
			assertThat(result.stamped()).isEqualTo("c035_customer_name_index");
			assertThat(result.repeatablesRecorded()).containsExactly("r_customer_view");
			Migrator migrator = new Migrator(config(db));
			assertThat(migrator.upgrade("heads").steps()).isEmpty();
			assertThat(catalog(db)).isEqualTo(catalog);
		}
	}

	static Object yaml(Path file) {
		try (var reader = Files.newBufferedReader(file)) {
			return new org.yaml.snakeyaml.Yaml().load(reader);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "POSTGRESQL", "MARIADB", "H2" })
	void anEditedChangesetIsRefusedNamingBothChecksumsUnlessItListsTheAppliedOne(DatabaseKind kind) throws IOException {
		try (TestDatabase db = database(kind)) {
			LiquibaseProject project = new LiquibaseProject(this.dir.resolve("liquibase"), kind);
			project.update(db);
			String before = db.query("SELECT MD5SUM FROM " + table(kind) + " WHERE ID = 'customer'").get(0).get(0);
			project.write("sql/customer.sql", "CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(120));\n");
			LiquibaseImport liquibase = LiquibaseImport.read(project.master(), null);
			String now = LiquibaseChecksum
				.of(List.of("CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(120));\n"));
			assertThat(now).isNotEqualTo(before);
			assertThatExceptionOfType(ImportRefusedException.class)
				.isThrownBy(() -> liquibase.importInto(output(), config(db), LiquibaseImport.DEFAULT_TABLE))
				.withMessage("Liquibase's table databasechangelog does not match the changelog, so nothing was "
						+ "imported:\n  - master.xml::customer::bob does not match what Liquibase applied as "
						+ "master.xml::customer::bob (orderexecuted 32): MD5SUM " + before + " in databasechangelog, "
						+ now + " now; restore the applied changeset (or add '--validCheckSum: " + now
						+ "' to it if the edit was intended) and import again\n"
						+ "Nothing was written and the database was not stamped.");
			assertNothingChanged(db);

			// an intended edit, accepted the way Liquibase accepts it
			project.write("master.xml", Files.readString(project.master())
				.replace("<sqlFile path=", "<validCheckSum>" + before + "</validCheckSum>\n        <sqlFile path="));
			ImportResult result = LiquibaseImport.read(project.master(), null)
				.importInto(output(), config(db), LiquibaseImport.DEFAULT_TABLE);
			assertThat(result.stamped()).isEqualTo(last(kind));
		}
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "POSTGRESQL", "MARIADB" })
	void anAppliedChangesetMissingFromTheChangelogIsRefused(DatabaseKind kind) throws IOException {
		try (TestDatabase db = database(kind)) {
			LiquibaseProject project = new LiquibaseProject(this.dir.resolve("liquibase"), kind);
			project.update(db);
			String views = Files.readString(project.file("changes/003-views.sql"));
			project.write("changes/003-views.sql", views.replace("carol:customer-view", "carol:customer-view-2"));
			assertRefused(db, project,
					"Liquibase's table databasechangelog does not match the changelog, so nothing was "
							+ "imported:\n  - Liquibase applied changes/003-views.sql::customer-view::carol "
							+ "(orderexecuted 36), but no changeset in the changelog has that id and author: add it back "
							+ "to the changelog (or delete its row from databasechangelog if it was removed on purpose) "
							+ "and import again\nNothing was written and the database was not stamped.");
		}
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "POSTGRESQL", "MARIADB" })
	void aChangesetSkippedByItsContextBelowAnAppliedOneIsRefused(DatabaseKind kind) {
		try (TestDatabase db = database(kind)) {
			LiquibaseProject project = new LiquibaseProject(this.dir.resolve("liquibase"), kind);
			project.update(db, "prod");
			assertRefused(db, project,
					"Liquibase's table databasechangelog does not match the changelog, so nothing was "
							+ "imported:\n  - changes/002-routines.sql::seed::carol was never applied, but "
							+ "changes/002-routines.sql::customer-name-index::carol after it was: apply it with Liquibase "
							+ "('liquibase update' with the contexts or labels that select it) or remove it from the "
							+ "changelog, and import again\nNothing was written and the database was not stamped.");
		}
	}

	@Test
	void changesetsBecomeOneChainWithRollbacksProvenanceAndFlags() throws IOException {
		LiquibaseProject project = new LiquibaseProject(this.dir.resolve("liquibase"), DatabaseKind.POSTGRESQL);
		ImportResult result = LiquibaseImport.read(project.master(), null).importInto(output(), null, "unused");
		assertThat(result.stamped()).isNull();
		assertThat(result.revisions()).extracting(ImportedRevision::id)
			.startsWith("c001_item_1", "c002_item_2")
			.endsWith("c031_settings", "c032_customer", "c033_add_one", "c034_seed", "c035_customer_name_index",
					"r_customer_view");
		assertThat(Files.readString(output().resolve("c010_item_10.sql"))).isEqualTo("""
				-- migration: the tenth item
				-- revision: c010_item_10
				-- revises: c009_item_9
				-- imported-from: liquibase changes/001-items.sql::item-10::alice
				-- source-version: alice:item-10

				-- +upgrade
				CREATE TABLE item_10 (id INT PRIMARY KEY, note VARCHAR(50));
				ALTER TABLE item_9 ADD next_id INT;

				-- +downgrade
				DROP TABLE item_10;
				ALTER TABLE item_9 DROP COLUMN next_id;
				""");
		assertThat(Files.readString(output().resolve("c031_settings.sql"))).startsWith("""
				-- migration: settings table
				-- revision: c031_settings
				-- revises: c030_item_30
				-- imported-from: liquibase master.xml::settings::bob
				""").contains("'${owner}'");
		assertThat(Files.readString(output().resolve("c035_customer_name_index.sql")))
			.contains("-- transactional: false\n");
		assertThat(Files.readString(output().resolve("c034_seed.sql")))
			.contains("-- Import note, context 'test' not filtered on: the revision runs on every database\n");
		assertThat(Files.readString(output().resolve("r_customer_view.sql"))).startsWith("""
				-- migration: carol:customer-view
				-- revision: r_customer_view
				-- repeatable: true
				-- imported-from: liquibase changes/003-views.sql::customer-view::carol
				""");
		Migrator scripts = new Migrator(MigrationConfig.builder()
			.locations("filesystem:" + output())
			.placeholders(Map.of("owner", "ops"))
			.build());
		assertThat(scripts.graph().heads()).extracting((revision) -> revision.id())
			.containsExactly("c035_customer_name_index");
		assertThat(scripts.graph().repeatables()).hasSize(1);
	}

	@Test
	void aFormattedSqlChangelogAloneImportsAndEndDelimitersBecomeSemicolons() throws IOException {
		Path changelog = this.dir.resolve("changelog.sql");
		Files.writeString(changelog, """
				--liquibase formatted sql

				--changeset dan:1 endDelimiter:GO
				CREATE TABLE a (id INT)
				GO
				CREATE TABLE b (id INT)
				GO
				--rollback DROP TABLE b;
				--rollback DROP TABLE a;

				--changeset dan:2 runAlways:true
				UPDATE a SET id = 1;
				""");
		LiquibaseImport liquibase = LiquibaseImport.read(changelog, null);
		assertThat(liquibase.revisions()).extracting(ImportedRevision::id).containsExactly("c001_1", "r_2");
		assertThat(liquibase.revisions().get(0).text()).endsWith("""
				-- +upgrade
				CREATE TABLE a (id INT);
				CREATE TABLE b (id INT);

				-- +downgrade
				DROP TABLE b;
				DROP TABLE a;
				""");
		assertThat(liquibase.notes()).containsExactly(
				"changelog.sql::1::dan: endDelimiter GO: its statements are ended with ; in the revision",
				"changelog.sql::2::dan: runAlways: it becomes a repeatable script, which runs again only when it "
						+ "changes");
	}

	@Test
	void changeTypesOtherThanSqlAreRefusedWithTheirIds() throws IOException {
		Path changelog = this.dir.resolve("master.xml");
		Files.writeString(changelog,
				"""
						<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
						    <changeSet id="1" author="eve"><createTable tableName="t"><column name="id" type="int"/></createTable></changeSet>
						    <changeSet id="2" author="eve"><sql>CREATE TABLE u (id INT);</sql></changeSet>
						    <changeSet id="3" author="eve" dbms="oracle"><sql>CREATE TABLE v (id INT);</sql></changeSet>
						    <include file="more.yaml"/>
						</databaseChangeLog>
						""");
		Files.writeString(this.dir.resolve("more.yaml"), "databaseChangeLog: []\n");
		assertThatExceptionOfType(ImportRefusedException.class).isThrownBy(() -> LiquibaseImport.read(changelog, null))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly(
					"master.xml::1::eve uses createTable, which the import does not translate (only sql and sqlFile): "
							+ "rewrite the changeset as <sql> (liquibase update-sql prints the SQL it runs) and "
							+ "import again",
					"master.xml::3::eve runs only on dbms:oracle, which the import cannot keep (a revision runs on "
							+ "every database): move the changesets of other databases out of the changelog (or into "
							+ "a changelog per database) and import again",
					"more.yaml: only XML, YAML, JSON and formatted SQL changelogs are read (YAML and JSON by the "
							+ "CLI and the Maven goal, which bring a YAML parser): convert it, or include its formatted "
							+ "SQL files from an XML changelog"));
	}

	private static String table(DatabaseKind kind) {
		return (kind == DatabaseKind.MARIADB) ? "DATABASECHANGELOG" : "databasechangelog";
	}

	/** The catalog without either tool's own tables. */
	private static List<String> catalog(TestDatabase db) {
		return Catalog.of(db)
			.stream()
			.filter((line) -> !line.toLowerCase(Locale.ROOT).startsWith("databasechangelog"))
			.toList();
	}

	/** The import refuses with the message, writing nothing and stamping nothing. */
	private void assertRefused(TestDatabase db, LiquibaseProject project, String message) {
		assertThatExceptionOfType(ImportRefusedException.class)
			.isThrownBy(() -> LiquibaseImport.read(project.master(), null)
				.importInto(output(), config(db), LiquibaseImport.DEFAULT_TABLE))
			.withMessage(message);
		assertNothingChanged(db);
	}

	private void assertNothingChanged(TestDatabase db) {
		assertThat(output()).doesNotExist();
		assertThat(db.tables()).doesNotContain("migration_version", "migration_history");
	}

}
