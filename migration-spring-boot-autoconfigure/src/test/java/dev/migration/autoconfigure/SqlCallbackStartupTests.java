package dev.migration.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.migration.CallbackFailedException;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL callback scripts in the locations run at startup as in the CLI (both go through the
 * core), with the starter's placeholders; a failing one stops the startup naming it.
 */
class SqlCallbackStartupTests {

	@TempDir
	Path dir;

	private ApplicationContextRunner runner(TestDatabase db) throws IOException {
		Files.writeString(this.dir.resolve("a1_create.sql"), """
				-- revision: a1
				-- revises:

				-- +upgrade
				CREATE TABLE cb_person (id INT PRIMARY KEY);
				""");
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
					"spring.datasource.password=" + db.password(), "migration.locations=filesystem:" + this.dir,
					"migration.placeholders.reader=cb_reader");
	}

	@Test
	void afterUpgradeRunsAtStartupWithPlaceholders() throws IOException {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			ApplicationContextRunner runner = runner(db);
			Files.writeString(this.dir.resolve("afterUpgrade.sql"),
					"CREATE TABLE IF NOT EXISTS cb_grants (who VARCHAR(50));\nINSERT INTO cb_grants VALUES ('${reader}');\n");
			runner.run((context) -> assertThat(context).hasNotFailed());
			runner.run((context) -> assertThat(context).hasNotFailed());
			// every start, as Flyway's afterMigrate
			assertThat(db.query("SELECT who FROM cb_grants")).containsExactly(List.of("cb_reader"),
					List.of("cb_reader"));
		}
	}

	@Test
	void aFailingCallbackStopsTheStartupNamingTheFile() throws IOException {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			ApplicationContextRunner runner = runner(db);
			Files.writeString(this.dir.resolve("beforeEachRevision.sql"), "\nSELECT * FROM cb_nowhere;\n");
			runner.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(org.h2.jdbc.JdbcSQLSyntaxErrorException.class);
				Throwable failure = context.getStartupFailure();
				while (!(failure instanceof CallbackFailedException) && failure.getCause() != null) {
					failure = failure.getCause();
				}
				assertThat(failure).isInstanceOf(CallbackFailedException.class)
					.hasMessageStartingWith("Callback beforeEachRevision (filesystem:" + this.dir
							+ "/beforeEachRevision.sql:2, statement 1, around revision a1) failed: ");
			});
		}
	}

}
