package dev.migration.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.migration.DowngradeNotAllowedException;
import dev.migration.command.Migrator;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The startup migration against real databases: ordering, on-startup modes,
 * allow-downgrade and Java migration beans.
 */
class StartupMigrationTests {

	@TempDir
	Path scripts;

	static ApplicationContextRunner runner(TestDatabase db) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
							JdbcClientAutoConfiguration.class, MigrationAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
					"spring.datasource.password=" + db.password());
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "H2", "POSTGRESQL", "MARIADB", "SQLITE" })
	void upgradesToHeadsAtStartup(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			runner(db).run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Migrator.class).current()).containsExactly("c3c3c3c3c3c3");
			});
			assertThat(db.tables()).contains("person", "migration_version", "migration_history");
			assertThat(db.query("SELECT name, email FROM person")).containsExactly(List.of("Ada", "ada@example.com"));
		}
	}

	@DatabaseTest
	void beansThatUseTheDatabaseAreCreatedAfterTheMigration(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			runner(db).withUserConfiguration(ReadersConfiguration.class).run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(JdbcTemplateReader.class).names).containsExactly("Ada");
				assertThat(context.getBean(JdbcClientReader.class).names).containsExactly("Ada");
				assertThat(context.getBean(DataSourceReader.class).names).containsExactly("Ada");
			});
		}
	}

	@DatabaseTest
	void validateFailsWhenBehindAndChangesNothing(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			runner(db).withPropertyValues("migration.on-startup=validate").run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(MigrationValidationException.class)
					.hasMessage("Database (at base) does not match migration target 'heads': behind by 3 revisions "
							+ "(pending: a1a1a1a1a1a1, b2b2b2b2b2b2, c3c3c3c3c3c3). Apply the pending revisions first "
							+ "(run `migration upgrade heads`, or start once with migration.on-startup=upgrade).");
			});
			assertThat(db.tables()).doesNotContain("person");
		}
	}

	/** Starts the application once: the database is at the heads. */
	static void upgradeAtStartup(TestDatabase db) {
		runner(db).run((context) -> assertThat(context).hasNotFailed());
	}

	@DatabaseTest
	void validatePassesAtTheTarget(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			upgradeAtStartup(db);
			runner(db).withPropertyValues("migration.on-startup=validate")
				.run((context) -> assertThat(context).hasNotFailed());
		}
	}

	@DatabaseTest
	void validateFailsWhenAhead(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			upgradeAtStartup(db);
			runner(db).withPropertyValues("migration.on-startup=validate", "migration.target=b2b2b2b2b2b2")
				.run((context) -> assertThat(context.getStartupFailure()).rootCause()
					.hasMessage("Database (at c3c3c3c3c3c3) does not match migration target 'b2b2b2b2b2b2': ahead of "
							+ "the target (at c3c3c3c3c3c3). The database was migrated by a newer version of the "
							+ "application: deploy that version, or downgrade the database with "
							+ "`migration downgrade b2b2b2b2b2b2`."));
		}
	}

	@DatabaseTest
	void validateFailsOnAnotherBranch(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			runner(db).withPropertyValues("migration.locations=classpath:db/branched", "migration.target=right@head")
				.run((context) -> assertThat(context).hasNotFailed());
			runner(db)
				.withPropertyValues("migration.locations=classpath:db/branched", "migration.on-startup=validate",
						"migration.target=left@head")
				.run((context) -> assertThat(context.getStartupFailure()).rootCause()
					.hasMessage("Database (at 2c2c2c2c2c2c) does not match migration target 'left@head': behind by 1 "
							+ "revision (pending: 1b1b1b1b1b1b); on another branch (2c2c2c2c2c2c is not part of the "
							+ "target). Apply the pending revisions first (run `migration upgrade left@head`, or start "
							+ "once with migration.on-startup=upgrade). Set migration.target to include the "
							+ "database's branch (e.g. 'heads'), or merge the branches with `migration merge heads`."));
		}
	}

	@DatabaseTest
	void validateFailsWhenAnAppliedScriptWasEdited(DatabaseKind kind) throws IOException {
		copyScripts();
		try (TestDatabase db = TestDatabase.create(kind)) {
			String location = "migration.locations=filesystem:" + this.scripts;
			runner(db).withPropertyValues(location).run((context) -> assertThat(context).hasNotFailed());
			Path script = this.scripts.resolve("b2b2b2b2b2b2_add_email.sql");
			Files.writeString(script, Files.readString(script).replace("VARCHAR(255)", "VARCHAR(320)"));
			runner(db).withPropertyValues(location, "migration.on-startup=validate")
				.run((context) -> assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(MigrationValidationException.class)
					.hasMessageContaining("revision b2b2b2b2b2b2 (")
					.hasMessageEndingWith("b2b2b2b2b2b2_add_email.sql) was edited after it was applied. The script "
							+ "was edited after it was applied: revert the edit and put the change into a new "
							+ "revision (or set migration.validate-checksums=false)."));
			runner(db)
				.withPropertyValues(location, "migration.on-startup=validate", "migration.validate-checksums=false")
				.run((context) -> assertThat(context).hasNotFailed());
		}
	}

	@DatabaseTest
	void validateFailsOnRevisionsUnknownToTheScripts(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			upgradeAtStartup(db);
			db.execute("UPDATE migration_version SET version_num = 'ffffffffffff'");
			runner(db).withPropertyValues("migration.on-startup=validate")
				.run((context) -> assertThat(context.getStartupFailure()).rootCause()
					.hasMessageStartingWith("Database (at ffffffffffff) does not match migration target 'heads': ")
					.hasMessageContaining("revisions unknown to the scripts: ffffffffffff."));
		}
	}

	@DatabaseTest
	void targetBelowTheDatabaseDoesNotDowngradeByDefault(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			upgradeAtStartup(db);
			runner(db).withPropertyValues("migration.target=a1a1a1a1a1a1").run((context) -> {
				assertThat(context.getStartupFailure()).rootCause().isInstanceOf(DowngradeNotAllowedException.class);
				assertThat(MigrationFailureRemedies
					.of((DowngradeNotAllowedException) rootCause(context.getStartupFailure())))
					.isEqualTo("Set migration.allow-downgrade=true to let startup downgrade the database to "
							+ "'a1a1a1a1a1a1', or set migration.target to the database's revision (c3c3c3c3c3c3) "
							+ "or above.");
			});
			assertThat(db.query("SELECT version_num FROM migration_version")).containsExactly(List.of("c3c3c3c3c3c3"));
		}
	}

	@DatabaseTest
	void allowDowngradeLetsStartupDowngrade(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			upgradeAtStartup(db);
			runner(db).withPropertyValues("migration.target=a1a1a1a1a1a1", "migration.allow-downgrade=true")
				.run((context) -> assertThat(context).hasNotFailed());
			assertThat(db.query("SELECT version_num FROM migration_version")).containsExactly(List.of("a1a1a1a1a1a1"));
			assertThat(db.query("SELECT COUNT(*) FROM person")).containsExactly(List.of("0"));
		}
	}

	@DatabaseTest
	void migrationBeansJoinTheGraphWithInjectedDependencies(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			runner(db).withUserConfiguration(MigrationAutoConfigurationTests.JavaMigrationConfiguration.class)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(Migrator.class).current()).containsExactly("d4d4d4d4d4d4");
				});
			assertThat(db.query("SELECT name FROM person WHERE id = 1")).containsExactly(List.of("hello"));
		}
	}

	@DatabaseTest
	void onStartupNoneLeavesTheDatabaseAlone(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			runner(db).withPropertyValues("migration.on-startup=none")
				.run((context) -> assertThat(context).hasNotFailed());
			assertThat(db.tables()).doesNotContain("person", "migration_version");
		}
	}

	private void copyScripts() throws IOException {
		for (String name : List.of("a1a1a1a1a1a1_create_person.sql", "b2b2b2b2b2b2_add_email.sql",
				"c3c3c3c3c3c3_seed_person.sql")) {
			try (var in = getClass().getResourceAsStream("/db/migration/" + name)) {
				Files.copy(in, this.scripts.resolve(name));
			}
		}
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	static List<String> names(JdbcTemplate jdbc) {
		return jdbc.queryForList("SELECT name FROM person ORDER BY id", String.class);
	}

	static class JdbcTemplateReader {

		final List<String> names;

		JdbcTemplateReader(JdbcTemplate jdbc) {
			this.names = names(jdbc);
		}

	}

	static class JdbcClientReader {

		final List<String> names;

		JdbcClientReader(JdbcClient jdbc) {
			this.names = jdbc.sql("SELECT name FROM person ORDER BY id").query(String.class).list();
		}

	}

	static class DataSourceReader {

		final List<String> names = new ArrayList<>();

		DataSourceReader(DataSource dataSource) {
			this.names.addAll(names(new JdbcTemplate(dataSource)));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReadersConfiguration {

		@Bean
		JdbcTemplateReader jdbcTemplateReader(JdbcTemplate jdbc) {
			return new JdbcTemplateReader(jdbc);
		}

		@Bean
		JdbcClientReader jdbcClientReader(JdbcClient jdbc) {
			return new JdbcClientReader(jdbc);
		}

		@Bean
		@DependsOnDatabaseInitialization
		DataSourceReader dataSourceReader(DataSource dataSource) {
			return new DataSourceReader(dataSource);
		}

	}

}
