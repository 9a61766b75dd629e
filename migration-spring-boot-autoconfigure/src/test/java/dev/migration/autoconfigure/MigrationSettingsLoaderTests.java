package dev.migration.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.InvalidConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MigrationSettingsLoaderTests {

	@TempDir
	Path dir;

	private final Map<String, String> env = new HashMap<>();

	private MigrationSettings load(List<String> profiles, Map<String, Object> flags) {
		return new MigrationSettingsLoader(this.dir, this.env).readingClasspathFromSources()
			.load(this.dir, profiles, flags);
	}

	private void write(String name, String text) throws IOException {
		Files.writeString(this.dir.resolve(name), text);
	}

	@Test
	void bindsMigrationKeysAndDatasourceFromApplicationYml() throws IOException {
		write("application.yml", """
				spring:
				  datasource:
				    url: jdbc:h2:file:./data/app
				    username: sa
				    password: secret
				    driver-class-name: org.h2.Driver
				migration:
				  locations: filesystem:scripts, classpath:db/more
				  schema: app
				  version-table: my_versions
				  lock-timeout: 5
				  validate-checksums: false
				""");
		MigrationSettings settings = load(List.of(), Map.of());
		assertThat(settings.url()).isEqualTo("jdbc:h2:file:./data/app");
		assertThat(settings.user()).isEqualTo("sa");
		assertThat(settings.password()).isEqualTo("secret");
		assertThat(settings.driverClassName()).isEqualTo("org.h2.Driver");
		assertThat(settings.locations()).containsExactly("filesystem:" + this.dir.resolve("scripts"),
				"classpath:db/more");
		assertThat(settings.properties().getSchema()).isEqualTo("app");
		assertThat(settings.properties().getVersionTable()).isEqualTo("my_versions");
		assertThat(settings.properties().getLockTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.properties().isValidateChecksums()).isFalse();
		assertThat(settings.sources()).containsExactly("application.yml");
	}

	@Test
	void migrationUrlWinsOverSpringDatasource() throws IOException {
		write("application.properties", """
				spring.datasource.url=jdbc:h2:mem:app
				spring.datasource.username=app
				migration.url=jdbc:h2:mem:migrations
				migration.user=admin
				""");
		MigrationSettings settings = load(List.of(), Map.of());
		assertThat(settings.url()).isEqualTo("jdbc:h2:mem:migrations");
		assertThat(settings.user()).isEqualTo("admin");
	}

	@Test
	void propertiesFileWinsOverYamlInTheSameDirectoryAsInBoot() throws IOException {
		write("application.yml", "migration:\n  schema: from_yaml\n  version-table: yaml_versions\n");
		write("application.properties", "migration.schema=from_properties\n");
		MigrationSettings settings = load(List.of(), Map.of());
		assertThat(settings.properties().getSchema()).isEqualTo("from_properties");
		assertThat(settings.properties().getVersionTable()).isEqualTo("yaml_versions");
	}

	@Test
	void laterProfilesOverrideEarlierOnesAndTheBaseFile() throws IOException {
		write("application.yml",
				"migration:\n  schema: base\n  version-table: base_versions\n" + "  history-table: base_history\n");
		write("application-prod.yml", "migration:\n  schema: prod\n  version-table: prod_versions\n");
		write("application-eu.properties", "migration.schema=eu\n");
		MigrationSettings settings = load(List.of("prod", "eu"), Map.of());
		assertThat(settings.properties().getSchema()).isEqualTo("eu");
		assertThat(settings.properties().getVersionTable()).isEqualTo("prod_versions");
		assertThat(settings.properties().getHistoryTable()).isEqualTo("base_history");
	}

	@Test
	void activeProfilesComeFromSpringProfilesActiveWithoutTheFlag() throws IOException {
		write("application.yml", "spring:\n  profiles:\n    active: prod\nmigration:\n  schema: base\n");
		write("application-prod.yml", "migration:\n  schema: prod\n");
		assertThat(load(List.of(), Map.of()).properties().getSchema()).isEqualTo("prod");
	}

	@Test
	void environmentVariablesWithRelaxedNamesOverrideFiles() throws IOException {
		write("application.yml", "spring:\n  datasource:\n    url: jdbc:h2:mem:file\nmigration:\n  schema: file\n");
		this.env.put("SPRING_DATASOURCE_URL", "jdbc:h2:mem:env");
		this.env.put("MIGRATION_SCHEMA", "env");
		this.env.put("MIGRATION_LOCATIONS", "filesystem:/a,filesystem:/b");
		MigrationSettings settings = load(List.of(), Map.of());
		assertThat(settings.url()).isEqualTo("jdbc:h2:mem:env");
		assertThat(settings.properties().getSchema()).isEqualTo("env");
		assertThat(settings.locations()).containsExactly("filesystem:/a", "filesystem:/b");
	}

	@Test
	void flagsOverrideEnvironmentAndFiles() throws IOException {
		write("application.yml", "migration:\n  schema: file\n");
		this.env.put("MIGRATION_SCHEMA", "env");
		MigrationSettings settings = load(List.of(),
				Map.of("migration.schema", "flag", "migration.url", "jdbc:h2:mem:flag"));
		assertThat(settings.properties().getSchema()).isEqualTo("flag");
		assertThat(settings.url()).isEqualTo("jdbc:h2:mem:flag");
	}

	@Test
	void placeholdersResolveAgainstTheEnvironment() throws IOException {
		write("application.yml", "spring:\n  datasource:\n    password: ${DB_PASSWORD}\n");
		this.env.put("DB_PASSWORD", "from-env");
		assertThat(load(List.of(), Map.of()).password()).isEqualTo("from-env");
	}

	@Test
	void classpathLocationOfABootProjectIsReadFromSrcMainResources() throws IOException {
		Files.createDirectories(this.dir.resolve("src/main/resources/db/migration"));
		MigrationSettings settings = load(List.of(), Map.of());
		assertThat(settings.locations())
			.containsExactly("filesystem:" + this.dir.resolve("src/main/resources/db/migration"));
	}

	@Test
	void vendorClasspathLocationOfABootProjectIsReadFromSrcMainResources() throws IOException {
		Files.createDirectories(this.dir.resolve("src/main/resources/db/migration/postgresql"));
		this.env.put("MIGRATION_LOCATIONS", "classpath:db/migration/{vendor}");
		MigrationSettings settings = load(List.of(), Map.of());
		assertThat(settings.locations())
			.containsExactly("filesystem:" + this.dir.resolve("src/main/resources") + "/db/migration/{vendor}");
	}

	@Test
	void unreadableYamlNamesTheFile() throws IOException {
		write("application.yml", "migration:\n  schema: [unclosed\n");
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> load(List.of(), Map.of()))
			.withMessageStartingWith(
					"Invalid configuration: '" + this.dir.resolve("application.yml") + "' cannot be read: ")
			.withMessageEndingWith(". Fix the file");
	}

	@Test
	void classpathLocationStaysOnTheClasspathUnlessAskedToReadSources() throws IOException {
		Files.createDirectories(this.dir.resolve("src/main/resources/db/migration"));
		MigrationSettings settings = new MigrationSettingsLoader(this.dir, this.env).load(this.dir, List.of(),
				Map.of());
		assertThat(settings.locations()).containsExactly("classpath:db/migration");
	}

}
