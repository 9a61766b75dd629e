package dev.migration.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.apache.maven.plugin.MojoFailureException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code migration:import-flyway} and {@code migration:import-liquibase} on a project
 * whose database the other tool migrated (the real Flyway and Liquibase), then
 * {@code migration:upgrade} has nothing to do.
 */
class ImportMojoTests {

	@TempDir
	Path project;

	private Path resources;

	/**
	 * The project's datasource, and a folder of the other tool's files.
	 * @return the folder, created
	 */
	private Path project(TestDatabase db, String folder) throws Exception {
		this.resources = MojoProject.resources(this.project, db, "");
		return Files.createDirectories(this.resources.resolve(folder));
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "POSTGRESQL", "H2" })
	void importFlywayStampsAndUpgradeIsANoOp(DatabaseKind kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind)) {
			Path flyway = project(db, "db/flyway");
			Files.writeString(flyway.resolve("V1__account.sql"), "CREATE TABLE account (id INT PRIMARY KEY);\n");
			Files.writeString(flyway.resolve("V1_1__orders.sql"), "CREATE TABLE orders (id INT PRIMARY KEY);\n");
			Flyway.configure().dataSource(db.dataSource()).locations("filesystem:" + flyway).load().migrate();

			Files.writeString(flyway.resolve("V1__account.sql"), "CREATE TABLE account (id BIGINT PRIMARY KEY);\n");
			assertThatThrownBy(() -> configure(new ImportFlywayMojo()).execute())
				.isInstanceOf(MojoFailureException.class)
				.hasMessageStartingWith("Flyway's history table flyway_schema_history does not match the scripts")
				.hasMessageContaining("V1__account.sql does not match what Flyway applied as version 1");
			assertThat(this.resources.resolve("db/migration")).doesNotExist();

			Files.writeString(flyway.resolve("V1__account.sql"), "CREATE TABLE account (id INT PRIMARY KEY);\n");
			configure(new ImportFlywayMojo()).execute();
			assertThat(this.resources.resolve("db/migration/v1_1_orders.sql")).exists();
			assertStampedAndUpgradeRunsNothing(db, "v1_1");
		}
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "POSTGRESQL", "H2" })
	void importLiquibaseStampsAndUpgradeIsANoOp(DatabaseKind kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind)) {
			Path changelogs = project(db, "db/changelog/changes");
			// Spring Boot's default changelog, db.changelog-master.yaml
			Files.writeString(changelogs.getParent().resolve("db.changelog-master.yaml"), """
					databaseChangeLog:
					  - include:
					      file: db/changelog/changes/001-account.sql
					  - changeSet:
					      id: orders
					      author: ann
					      changes:
					        - sql:
					            sql: CREATE TABLE orders (id INT PRIMARY KEY);
					      rollback: DROP TABLE orders;
					""");
			Files.writeString(changelogs.resolve("001-account.sql"), """
					--liquibase formatted sql
					--changeset ann:account
					CREATE TABLE account (id INT PRIMARY KEY);
					--rollback DROP TABLE account;
					""");
			System.setProperty("liquibase.analytics.enabled", "false");
			try (Connection connection = db.connect();
					Liquibase liquibase = new Liquibase("db/changelog/db.changelog-master.yaml",
							new DirectoryResourceAccessor(this.resources), DatabaseFactory.getInstance()
								.findCorrectDatabaseImplementation(new JdbcConnection(connection)))) {
				liquibase.update(new Contexts(), new LabelExpression());
			}

			configure(new ImportLiquibaseMojo()).execute();
			assertThat(this.resources.resolve("db/migration/c002_orders.sql")).exists();
			assertStampedAndUpgradeRunsNothing(db, "c002_orders");
		}
	}

	/**
	 * The database is stamped at the imported revision, and {@code migration:upgrade}
	 * (after process-resources) applies nothing.
	 */
	private void assertStampedAndUpgradeRunsNothing(TestDatabase db, String revision) throws Exception {
		assertThat(db.query("SELECT version_num FROM migration_version")).containsExactly(List.of(revision));
		processResources();
		configure(new UpgradeMojo()).execute();
		assertThat(db.query("SELECT COUNT(*) FROM migration_history WHERE direction = 'UPGRADE'"))
			.containsExactly(List.of("0"));
	}

	/** What {@code mvn process-resources} does before {@code migration:upgrade}. */
	private void processResources() throws Exception {
		Path scripts = this.resources.resolve("db/migration");
		Path target = Files.createDirectories(this.project.resolve("target/classes/db/migration"));
		try (var files = Files.list(scripts)) {
			for (Path file : files.toList()) {
				Files.copy(file, target.resolve(file.getFileName()));
			}
		}
	}

	private <T extends AbstractMigrationMojo> T configure(T mojo) {
		mojo.resources = this.resources.toFile();
		mojo.outputDirectory = this.project.resolve("target/classes").toFile();
		mojo.basedir = this.project.toFile();
		if (mojo instanceof ImportFlywayMojo flyway) {
			flyway.flywayLocation = this.resources.resolve("db/flyway").toFile();
			flyway.importOutput = this.resources.resolve("db/migration").toFile();
			flyway.flywayTable = "flyway_schema_history";
		}
		if (mojo instanceof ImportLiquibaseMojo liquibase) {
			liquibase.liquibaseChangelog = this.resources.resolve("db/changelog/db.changelog-master.yaml").toFile();
			liquibase.liquibaseSearchPath = this.resources.toFile();
			liquibase.importOutput = this.resources.resolve("db/migration").toFile();
			liquibase.liquibaseTable = "databasechangelog";
		}
		return mojo;
	}

}
