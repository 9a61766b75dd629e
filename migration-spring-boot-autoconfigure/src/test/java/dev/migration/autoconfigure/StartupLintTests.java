package dev.migration.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.migration.MigrationListener;
import dev.migration.command.Migrator;
import dev.migration.lint.LintFailedException;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.RoundTrips;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migration.lint.on-startup}: pending revisions are linted before they run, on
 * PostgreSQL, where a plain CREATE INDEX on a table that already exists is flagged.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupLintTests {

	@TempDir
	Path scripts;

	@BeforeEach
	void writeScripts() throws IOException {
		Files.writeString(this.scripts.resolve("aaaaaaaaaaaa_create_account.sql"), """
				-- migration: Create account
				-- revision: aaaaaaaaaaaa
				-- revises:

				-- +upgrade
				CREATE TABLE account (id bigint PRIMARY KEY, name text);
				""");
		Files.writeString(this.scripts.resolve("bbbbbbbbbbbb_index_name.sql"), """
				-- migration: Index account names
				-- revision: bbbbbbbbbbbb
				-- revises: aaaaaaaaaaaa

				-- +upgrade
				CREATE INDEX ix_account_name ON account (name);
				""");
	}

	private ApplicationContextRunner runner(TestDatabase db, String... properties) {
		return StartupMigrationTests.runner(db)
			.withPropertyValues("migration.locations=filesystem:" + this.scripts)
			.withPropertyValues(properties);
	}

	@Test
	void failModeStopsStartupBeforeAFlaggedPendingRevisionRuns() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			runner(db, "migration.target=aaaaaaaaaaaa").run((context) -> assertThat(context).hasNotFailed());
			runner(db, "migration.lint.on-startup=fail").run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(LintFailedException.class)
					.hasMessage("Lint found 1 problem at or above 'warning':\n" + "  bbbbbbbbbbbb: filesystem:"
							+ this.scripts
							+ "/bbbbbbbbbbbb_index_name.sql:6: warning [require-concurrent-index-creation] builds "
							+ "index 'ix_account_name' on 'account' under a SHARE lock, which blocks every write to "
							+ "the table until the build ends. Fix: use CREATE INDEX CONCURRENTLY in a revision with "
							+ "'-- transactional: false'\n"
							+ "Fix the scripts, or add '-- lint:ignore <rule> <reason>' before a statement that is "
							+ "safe here, or set migration.lint.fail-on / migration.lint.on-startup=warn");
			});
			assertThat(db.query("SELECT version_num FROM migration_version"))
				.containsExactly(java.util.List.of("aaaaaaaaaaaa"));
		}
	}

	@Test
	void warnModeLogsTheFindingAndMigrates(CapturedOutput output) {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			runner(db, "migration.target=aaaaaaaaaaaa").run((context) -> assertThat(context).hasNotFailed());
			runner(db).run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Migrator.class).current()).containsExactly("bbbbbbbbbbbb");
			});
			assertThat(output).contains("bbbbbbbbbbbb: lint: filesystem:" + this.scripts
					+ "/bbbbbbbbbbbb_index_name.sql:6: warning [require-concurrent-index-creation]");
		}
	}

	@Test
	void tablesCreatedByPendingRevisionsAreNotFlagged(CapturedOutput output) {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			runner(db, "migration.lint.on-startup=fail").run((context) -> assertThat(context).hasNotFailed());
			assertThat(output).doesNotContain("lint:");
		}
	}

	@Test
	void upToDateStartReadsTheStateOnceWithTheLintOn() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			runner(db).run((context) -> assertThat(context).hasNotFailed());
			Counted.trips.clear();
			runner(db).withUserConfiguration(Counted.class)
				.withBean(TestDatabase.class, () -> db)
				.run((context) -> assertThat(context).hasNotFailed());
			// the upgrade's one lock-free read; the lint (on by default) reads nothing
			assertThat(Counted.trips).as("%s", Counted.trips).hasSize(1);
			assertThat(Counted.trips.get(0)).startsWith("execute: SELECT version_num FROM migration_version");
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Counted {

		static final List<String> trips = Collections.synchronizedList(new ArrayList<>());

		@Bean
		@MigrationDataSource
		DataSource countedDataSource(TestDatabase db) {
			return RoundTrips.counting(db.dataSource(), trips);
		}

	}

	@Test
	void noStartupLintWhenOffOrWhenNothingRunsAtStartup() {
		MigrationProperties properties = new MigrationProperties();
		assertThat(new StartupLint(properties).enabled()).as("warn by default").isTrue();
		properties.getLint().setOnStartup(MigrationLintProperties.OnStartup.OFF);
		assertThat(new StartupLint(properties).enabled()).isFalse();
		assertThat(new StartupLint(properties).listener()).isSameAs(MigrationListener.NONE);
		properties.getLint().setOnStartup(MigrationLintProperties.OnStartup.FAIL);
		properties.setOnStartup(MigrationProperties.OnStartup.NONE);
		assertThat(new StartupLint(properties).enabled()).isFalse();
	}

}
