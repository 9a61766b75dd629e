package dev.migration.autoconfigure;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.boot.json.JsonParserFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the build puts into our jar: the registration files Boot reads and the IDE
 * metadata generated from {@link MigrationProperties}.
 */
class RegistrationFilesTests {

	private static final List<String> SPEC_KEYS = List.of("migration.enabled", "migration.on-startup",
			"migration.target", "migration.locations", "migration.schema", "migration.version-table",
			"migration.history-table", "migration.url", "migration.user", "migration.password",
			"migration.lock-timeout", "migration.transaction-per-migration", "migration.validate-checksums",
			"migration.allow-downgrade", "migration.exit-after-migrate", "migration.on-newer-database",
			"migration.health.ahead-status", "migration.baseline");

	@Test
	void metadataDescribesEverySpecKey() throws Exception {
		Map<String, Map<String, Object>> properties = byName(metadata().get("properties"));
		assertThat(properties.keySet()).containsAll(SPEC_KEYS);
		for (String key : SPEC_KEYS) {
			assertThat((String) properties.get(key).get("description")).as(key).isNotBlank();
		}
		assertThat(properties.get("migration.target").get("defaultValue")).isEqualTo("heads");
		assertThat(properties.get("migration.on-startup").get("defaultValue")).isEqualTo("upgrade");
		assertThat(properties.get("migration.lock-timeout").get("defaultValue")).isEqualTo("60s");
		assertThat(properties.get("migration.locations").get("defaultValue"))
			.isEqualTo(List.of("classpath:db/migration"));
		assertThat(properties.get("migration.enabled").get("defaultValue")).isEqualTo(true);
	}

	@Test
	void metadataHintsTargetValues() throws Exception {
		Map<String, Object> target = byName(metadata().get("hints")).get("migration.target");
		List<String> values = ((List<?>) target.get("values")).stream()
			.map((value) -> String.valueOf(((Map<?, ?>) value).get("value")))
			.toList();
		assertThat(values).containsExactly("heads", "head", "base");
	}

	private static Map<String, Object> metadata() throws IOException, URISyntaxException {
		return JsonParserFactory.getJsonParser().parseMap(read("META-INF/spring-configuration-metadata.json"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> byName(Object list) {
		return ((List<Map<String, Object>>) list).stream()
			.collect(Collectors.toMap((item) -> (String) item.get("name"), Function.identity()));
	}

	@Test
	void springFactoriesRegisterAnalyzerDetectorAndPostProcessor() throws Exception {
		Properties factories = new Properties();
		factories.load(new java.io.StringReader(read("META-INF/spring.factories")));
		assertThat(factories.getProperty("org.springframework.boot.diagnostics.FailureAnalyzer"))
			.isEqualTo(MigrationFailureAnalyzer.class.getName());
		assertThat(factories.getProperty("org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector"))
			.isEqualTo(MigratorDatabaseInitializerDetector.class.getName());
		assertThat(factories.getProperty("org.springframework.boot.EnvironmentPostProcessor"))
			.isEqualTo(MigrateOnlyEnvironmentPostProcessor.class.getName());
	}

	@Test
	void autoConfigurationsAreListed() throws Exception {
		assertThat(lines("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"))
			.containsExactly("dev.migration.autoconfigure.MigrationAutoConfiguration",
					"dev.migration.actuator.MigrationsEndpointAutoConfiguration",
					"dev.migration.actuator.MigrationsHealthAutoConfiguration",
					"dev.migration.actuator.MigrationMetricsAutoConfiguration",
					"dev.migration.actuator.MigrationObservationAutoConfiguration");
		assertThat(lines(
				"META-INF/spring/org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureDataSourceInitialization.imports"))
			.containsExactly("dev.migration.autoconfigure.MigrationAutoConfiguration");
	}

	private static List<String> lines(String path) throws IOException, URISyntaxException {
		return Arrays.stream(read(path).split("\n")).map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

	/** From our build output, not whichever jar comes first on the class path. */
	private static String read(String path) throws IOException, URISyntaxException {
		Path classes = Path.of(MigrationProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		return Files.readString(classes.resolve(path));
	}

}
