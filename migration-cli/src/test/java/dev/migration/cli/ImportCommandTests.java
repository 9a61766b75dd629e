package dev.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migration import flyway} and {@code import liquibase} in-process on an H2
 * database the other tool migrated.
 */
class ImportCommandTests extends InProcessProject {

	private Path flywayProject() throws IOException {
		Path flyway = Files.createDirectories(this.dir.resolve("flyway"));
		Files.writeString(flyway.resolve("V1__account.sql"), "CREATE TABLE account (id INT PRIMARY KEY);\n");
		Files.writeString(flyway.resolve("V1_1__orders.sql"), "CREATE TABLE orders (id INT PRIMARY KEY);\n");
		Files.writeString(flyway.resolve("R__account_view.sql"),
				"CREATE OR REPLACE VIEW account_view AS SELECT id FROM account;\n");
		Flyway.configure().dataSource(this.database.dataSource()).locations("filesystem:" + flyway).load().migrate();
		return flyway;
	}

	@Test
	void importFlywayWritesTheRevisionsAndStampsTheDatabase() throws IOException {
		flywayProject();
		CliRunner.Result result = this.cli.run("import", "flyway", "flyway", "--output", "db/migration");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out())
			.isEqualTo("Wrote 2 revisions and 1 repeatable scripts to " + this.dir.resolve("db/migration") + "\n"
					+ "Stamped the database at v1_1; 'upgrade' now runs only what the other tool had not applied\n"
					+ "Repeatable scripts recorded as run: r_account_view\n");
		assertStampedAndUpgradeRunsNothing("v1_1");
	}

	@Test
	void importFlywayRefusesAnEditedScriptAndWritesNothing() throws IOException {
		Path flyway = flywayProject();
		Files.writeString(flyway.resolve("V1__account.sql"), "CREATE TABLE account (id BIGINT PRIMARY KEY);\n");
		CliRunner.Result result = this.cli.run("import", "flyway", "flyway", "--output", "db/migration");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err())
			.startsWith("Error: Flyway's history table flyway_schema_history does not match the "
					+ "scripts, so nothing was imported:")
			.contains(flyway.resolve("V1__account.sql") + " does not match what Flyway applied as version 1");
		assertThat(this.dir.resolve("db/migration/v1_account.sql")).doesNotExist();
	}

	/** The database is at the imported revision, and {@code upgrade} applies nothing. */
	private void assertStampedAndUpgradeRunsNothing(String revision) {
		assertThat(this.cli.run("current").out()).startsWith(revision);
		CliRunner.Result upgrade = this.cli.run("upgrade");
		assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
		assertThat(this.database.query("SELECT COUNT(*) FROM migration_history WHERE direction = 'UPGRADE'"))
			.containsExactly(java.util.List.of("0"));
	}

	private Path liquibaseProject() throws Exception {
		Path changelog = Files.createDirectories(this.dir.resolve("liquibase")).resolve("changelog.sql");
		Files.writeString(changelog, """
				--liquibase formatted sql

				--changeset ann:account
				CREATE TABLE account (id INT PRIMARY KEY);
				--rollback DROP TABLE account;

				--changeset ann:orders context:prod
				CREATE TABLE orders (id INT PRIMARY KEY);
				--rollback DROP TABLE orders;

				--changeset ann:account-view runOnChange:true
				CREATE OR REPLACE VIEW account_view AS SELECT id FROM account;
				""");
		System.setProperty("liquibase.analytics.enabled", "false");
		try (Connection connection = this.database.connect();
				Liquibase liquibase = new Liquibase("changelog.sql",
						new DirectoryResourceAccessor(changelog.getParent()), DatabaseFactory.getInstance()
							.findCorrectDatabaseImplementation(new JdbcConnection(connection)))) {
			liquibase.update(new Contexts(), new LabelExpression());
		}
		return changelog;
	}

	@Test
	void importLiquibaseWritesTheRevisionsStampsTheDatabaseAndReportsWhatChanged() throws Exception {
		liquibaseProject();
		CliRunner.Result result = this.cli.run("import", "liquibase", "liquibase/changelog.sql", "--output",
				"db/migration");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).isEqualTo("Wrote 2 revisions and 1 repeatable scripts to "
				+ this.dir.resolve("db/migration") + "\n"
				+ "Stamped the database at c002_orders; 'upgrade' now runs only what the other tool had not applied\n"
				+ "Repeatable scripts recorded as run: r_account_view\n"
				+ "Changed on the way (each also noted in its revision):\n"
				+ "  changelog.sql::orders::ann: context 'prod' not filtered on: the revision runs on every "
				+ "database\n");
		assertStampedAndUpgradeRunsNothing("c002_orders");
	}

	@Test
	void importLiquibaseRefusesAnEditedChangesetAndWritesNothing() throws Exception {
		Path changelog = liquibaseProject();
		Files.writeString(changelog, Files.readString(changelog).replace("account (id INT", "account (id BIGINT"));
		CliRunner.Result result = this.cli.run("import", "liquibase", "liquibase/changelog.sql", "--output",
				"db/migration");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err())
			.startsWith("Error: Liquibase's table databasechangelog does not match the changelog, so nothing was "
					+ "imported:")
			.contains("changelog.sql::account::ann does not match what Liquibase applied as "
					+ "changelog.sql::account::ann (orderexecuted 1): MD5SUM 9:");
		assertThat(this.dir.resolve("db/migration/c001_account.sql")).doesNotExist();
	}

}
