package dev.migration.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.migration.MigrationConfig;
import dev.migration.OnNewerDatabase;
import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.autoconfigure.MigrationProperties;
import dev.migration.cli.CliSettingsProbe;
import dev.migration.command.Migrator;
import dev.migration.sql.DriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code migration.*} key of the core configuration, set in one application.yml,
 * gives the same settings in the three front ends: the starter (Boot's config data and
 * auto-configuration), the CLI ({@code migration upgrade}) and the Maven goals
 * ({@code mvn migration:upgrade}). Each value differs from the default, so a key that a
 * front end ignored would fail its row.
 */
class FrontEndSettingsTests {

	@TempDir
	Path project;

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			locations                 | filesystem:/srv/scripts, filesystem:/srv/more
			schema                    | app
			version-table             | app_versions
			history-table             | app_history
			lock-timeout              | 5m
			lock-timeout              | 7
			transaction-per-migration | false
			validate-checksums        | false
			allow-downgrade           | true
			on-newer-database         | fail
			fail-on-missing-locations | false
			baseline                  | a1b2c3d4e5f6
			target                    | billing@head
			placeholders.table-prefix | app_
			placeholder-replacement   | false
			connect-retries           | 5
			connect-retries-interval  | 7
			connect-retries-interval  | 250ms
			init-sqls                 | SET ROLE app, SET TIME ZONE 'UTC'
			""")
	void everyKeyGivesTheSameSettingsInStarterCliAndMavenPlugin(String key, String value) throws Exception {
		Path resources = Files.createDirectories(this.project.resolve("src/main/resources"));
		Files.writeString(resources.resolve("application.yml"), """
				spring:
				  datasource:
				    url: jdbc:h2:mem:front_ends
				migration:
				  on-startup: none
				  %s: %s
				""".formatted(key, value));
		Settings defaults = new Settings(new MigrationProperties().toConfigBuilder().build(), "heads");
		Settings starter = starter();
		assertThat(starter).isNotEqualTo(defaults);
		assertThat(cli()).isEqualTo(starter);
		assertThat(mavenPlugin()).isEqualTo(starter);
	}

	@Test
	void mavenGoalsReadProfilesEnvironmentPlaceholdersAndDashDProperties() throws Exception {
		Path resources = Files.createDirectories(this.project.resolve("src/main/resources"));
		Files.writeString(resources.resolve("application.yml"), """
				spring:
				  datasource:
				    url: jdbc:h2:mem:front_ends
				    password: ${DB_PASSWORD}
				migration:
				  schema: base
				  history-table: base_history
				""");
		Files.writeString(resources.resolve("application-prod.yml"), "migration:\n  schema: prod\n");
		UpgradeMojo mojo = new UpgradeMojo();
		mojo.basedir = this.project.toFile();
		mojo.resources = resources.toFile();
		mojo.environment = Map.of("DB_PASSWORD", "from-env", "MIGRATION_VERSION_TABLE", "env_versions");
		mojo.userProperties.setProperty("spring.profiles.active", "prod");
		mojo.userProperties.setProperty("migration.lock-timeout", "3s");
		MigrationConfig config = mojo.migrator(getClass().getClassLoader()).config();
		assertThat(config.schema()).isEqualTo("prod");
		assertThat(config.historyTable()).isEqualTo("base_history");
		assertThat(config.versionTable()).isEqualTo("env_versions");
		assertThat(config.lockTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(mojo.settings().password()).isEqualTo("from-env");
	}

	private Settings starter() {
		Settings[] found = new Settings[1];
		new ApplicationContextRunner().withInitializer(new ConfigDataApplicationContextInitializer())
			.withPropertyValues("spring.config.location=file:" + this.project.resolve("src/main/resources") + "/")
			.withConfiguration(AutoConfigurations.of(MigrationAutoConfiguration.class))
			.withBean(DataSource.class, () -> new DriverDataSource("jdbc:h2:mem:front_ends", "sa", ""))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				found[0] = new Settings(context.getBean(Migrator.class).config(),
						context.getBean(MigrationProperties.class).getTarget());
			});
		return found[0];
	}

	private Settings cli() {
		CliSettingsProbe cli = CliSettingsProbe.upgrade(this.project, Map.of(), "--config-dir", "src/main/resources");
		return new Settings(cli.config(), cli.target());
	}

	private Settings mavenPlugin() throws Exception {
		UpgradeMojo mojo = new UpgradeMojo();
		mojo.basedir = this.project.toFile();
		mojo.resources = this.project.resolve("src/main/resources").toFile();
		mojo.environment = Map.of();
		return new Settings(mojo.migrator(getClass().getClassLoader()).config(), mojo.target());
	}

	/** The settings a front end runs {@code upgrade} with. */
	record Settings(List<String> locations, @Nullable String schema, String versionTable, String historyTable,
			Duration lockTimeout, boolean transactionPerMigration, boolean validateChecksums, boolean allowDowngrade,
			OnNewerDatabase onNewerDatabase, boolean failOnMissingLocations, @Nullable String baseline,
			Map<String, String> placeholders, boolean placeholderReplacement, int connectRetries,
			Duration connectRetriesInterval, List<String> initSqls, String target) {

		Settings(MigrationConfig config, String target) {
			this(config.locations(), config.schema(), config.versionTable(), config.historyTable(),
					config.lockTimeout(), config.transactionPerMigration(), config.validateChecksums(),
					config.allowDowngrade(), config.onNewerDatabase(), config.failOnMissingLocations(),
					config.baseline(), config.placeholders(), config.placeholderReplacement(), config.connectRetries(),
					config.connectRetriesInterval(), config.initSqls(), target);
		}

	}

}
