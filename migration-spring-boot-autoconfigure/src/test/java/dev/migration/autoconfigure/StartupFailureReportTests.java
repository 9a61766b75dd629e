package dev.migration.autoconfigure;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A failed startup migration stops a real {@link SpringApplication} and Boot prints our
 * failure analysis.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTests {

	@Test
	void validateFailureStopsTheApplicationWithAFailureAnalysis(CapturedOutput output) {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			assertThatException().isThrownBy(() -> application().run(args(db, "--migration.on-startup=validate")));
			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("Description:\n\nDatabase migration failed at startup:\n\n    Database (at base) does not "
						+ "match migration target 'heads': behind by 3 revisions (pending: a1a1a1a1a1a1, b2b2b2b2b2b2, "
						+ "c3c3c3c3c3c3).")
				.contains("Action:\n\nApply the pending revisions first (run `migration upgrade heads`, or start once "
						+ "with migration.on-startup=upgrade).");
			assertThat(db.tables()).doesNotContain("person");
		}
	}

	@Test
	void downgradeRefusalNamesTheSetting(CapturedOutput output) {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			application().run(args(db)).close();
			assertThatException().isThrownBy(() -> application().run(args(db, "--migration.target=a1a1a1a1a1a1")));
			assertThat(output)
				.contains("Description:\n\nDatabase migration failed at startup:\n\n    Target "
						+ "'a1a1a1a1a1a1' is below the database's current revision (c3c3c3c3c3c3): reaching it would "
						+ "downgrade, which is off by default.")
				.contains("Action:\n\nSet migration.allow-downgrade=true to let startup downgrade the database to "
						+ "'a1a1a1a1a1a1', or set migration.target to the database's revision (c3c3c3c3c3c3) or "
						+ "above.");
		}
	}

	@Test
	void aMistypedLocationStopsTheApplicationNamingItAndTheSetting(CapturedOutput output) {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			assertThatException()
				.isThrownBy(() -> application().run(args(db, "--migration.locations=classpath:db/nope")));
			assertThat(output)
				.contains("Description:\n\nDatabase migration failed at startup:\n\n    Invalid configuration: "
						+ "'migration.locations' names classpath:db/nope, which does not exist: no directory db/nope on "
						+ "the class path (in a jar, the directory needs its own entry, as jar tools write by default). "
						+ "Fix the location (or create it), or set migration.fail-on-missing-locations=false to "
						+ "continue without it")
				.contains("Action:\n\nFix classpath:db/nope in migration.locations (a 'classpath:' location is a "
						+ "directory in src/main/resources or a dependency's jar), or set "
						+ "migration.fail-on-missing-locations=false to start without it.")
				.doesNotContain("Nothing to do");
			assertThat(db.tables()).isEmpty();
		}
	}

	@Test
	void aMissingLocationOnlyWarnsWhenNotStrict(CapturedOutput output) {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			application()
				.run(args(db, "--migration.locations=classpath:db/migration,classpath:db/nope",
						"--migration.fail-on-missing-locations=false"))
				.close();
			assertThat(output)
				.contains("No migrations found at classpath:db/nope: no directory db/nope on the class " + "path");
			assertThat(db.tables()).contains("person");
		}
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void anExistingSchemaIsRefusedNamingTheBaselineSettingWhichThenAdoptsIt(DatabaseKind kind, CapturedOutput output) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			db.execute("CREATE TABLE person (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL)");
			assertThatException().isThrownBy(() -> application().run(args(db)));
			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains(" already holds 1 object (table ")
				.contains("Action:\n\nSchema ")
				.contains(" was built without this tool. Set migration.baseline to the revision it already matches "
						+ "(or heads) in application.yml")
				.doesNotContain("Fix revision");
			assertThat(db.tables()).doesNotContain("migration_version");

			application().run(args(db, "--migration.baseline=a1a1a1a1a1a1")).close();
			assertThat(db.query("SELECT version_num FROM migration_version"))
				.containsExactly(java.util.List.of("c3c3c3c3c3c3"));
			assertThat(db.query("SELECT COUNT(*) FROM person")).containsExactly(java.util.List.of("1"));
		}
	}

	private static SpringApplication application() {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application;
	}

	/** The command line of an application on the database, then the given arguments. */
	private static String[] args(TestDatabase db, String... more) {
		return Stream
			.concat(Stream.of("--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
					"--spring.datasource.password=" + db.password()), Stream.of(more))
			.toArray(String[]::new);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, MigrationAutoConfiguration.class })
	static class App {

	}

}
