package dev.migration.sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.json.JsonParserFactory;

import dev.migration.sample.SampleJar.Run;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static dev.migration.sample.SampleMigrationsTests.BACKFILL;
import static dev.migration.sample.SampleMigrationsTests.PINNED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build's AOT step ({@code spring-boot-maven-plugin:process-aot}, the first half of a
 * native image build): the jar started with {@code -Dspring.aot.enabled=true} runs the
 * generated bean definitions instead of the auto-configuration and still migrates, SQL
 * and Java revisions alike; the reachability metadata a native image would be built from
 * holds the scripts and the Java revision.
 */
class AotSampleIT {

	private static final List<String> AOT = List.of("-Dspring.aot.enabled=true");

	private static final String STARTED = "Started SampleApplication";

	private static final String ANY_PORT = "--server.port=0";

	@TempDir
	Path temp;

	@Test
	void aotProcessedJarMigratesAFreshH2Database() throws Exception {
		String url = "jdbc:h2:file:" + this.temp.resolve("notes").toAbsolutePath();
		Run run = SampleJar.runUntil(this.temp, AOT, Map.of(), STARTED, ANY_PORT, "--spring.datasource.url=" + url);
		assertThat(run.output()).contains("Starting AOT-processed SampleApplication")
			.contains(PINNED + ": database migrated from base in 8 upgrade step(s)");
		assertThat(TestDatabase.queryOn(url, "sa", "", "SELECT version_num FROM migration_version"))
			.containsExactly(List.of(PINNED));
		assertThat(TestDatabase.queryOn(url, "sa", "",
				"SELECT COUNT(*) FROM migration_history WHERE revision = '" + BACKFILL + "'"))
			.as("the Java revision, a bean built by the generated code, ran")
			.containsExactly(List.of("1"));
	}

	@Test
	void aotProcessedJarMigratesAPostgresqlDatabaseChosenAtRunTime() throws Exception {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			Map<String, String> env = Map.of("POSTGRES_URL", db.url(), "POSTGRES_USER", db.user(), "POSTGRES_PASSWORD",
					db.password());
			Run run = SampleJar.runUntil(this.temp, AOT, env, STARTED, ANY_PORT, "--spring.profiles.active=postgres");
			assertThat(run.output()).contains("Starting AOT-processed SampleApplication")
				.contains(PINNED + ": database migrated from base in 8 upgrade step(s)");
			assertThat(db.query("SELECT version_num FROM migration_version")).containsExactly(List.of(PINNED));
		}
	}

	@Test
	void reachabilityMetadataHoldsTheScriptsAndTheJavaRevision() throws Exception {
		Path metadata = Path
			.of("target/spring-aot/main/resources/META-INF/native-image/dev.migration/sample-app/reachability-metadata.json");
		assertThat(metadata).as("written by process-aot during `package`").exists();
		Map<String, Object> json = JsonParserFactory.getJsonParser()
			.parseMap(Files.readString(metadata, StandardCharsets.UTF_8));
		assertThat(list(json.get("resources"))).contains(Map.of("glob", "db/migration/**/*.sql"),
				Map.of("glob", "db/migration"),
				Map.of("glob", "dev/migration/sample/migration/BackfillSlugAndWordCount.class"));
		assertThat(list(json.get("reflection")))
			.contains(Map.of("type", "dev.migration.sample.migration.BackfillSlugAndWordCount",
					"allDeclaredConstructors", true, "allPublicMethods", true));
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object json) {
		return (List<Object>) json;
	}

}
