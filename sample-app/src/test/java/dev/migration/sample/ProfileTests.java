package dev.migration.sample;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import dev.migration.command.Migrator;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static dev.migration.sample.SampleMigrationsTests.ARCHIVED;
import static dev.migration.sample.SampleMigrationsTests.AUDIT;
import static dev.migration.sample.SampleMigrationsTests.BACKFILL;
import static dev.migration.sample.SampleMigrationsTests.BASE;
import static dev.migration.sample.SampleMigrationsTests.MERGE;
import static dev.migration.sample.SampleMigrationsTests.PINNED;
import static dev.migration.sample.SampleMigrationsTests.SLUG_COLUMNS;
import static dev.migration.sample.SampleMigrationsTests.TAGS;
import static dev.migration.sample.SampleMigrationsTests.migrator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What each profile of the sample does to the database at startup: {@code prod} validates
 * and never changes it, {@code test} leaves it alone, {@code dev} upgrades.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProfileTests {

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "H2", "POSTGRESQL" })
	void prodProfileRefusesToStartOnADatabaseThatIsBehind(DatabaseKind kind, CapturedOutput output) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			Migrator migrator = migrator(db);
			migrator.upgrade(SLUG_COLUMNS);
			assertThatException().isThrownBy(() -> SampleAppRunner.start(db, "prod").close());
			String remedy = "Apply the pending revisions first (run `migration upgrade heads`, or start once with "
					+ "migration.on-startup=upgrade).";
			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("Description:\n\nDatabase migration failed at startup:\n\n    Database (at e8c0a2b4d657) "
						+ "does not match migration target 'heads': behind by 2 revisions (pending: f3d5e7a9b168, c4f2f1574279). "
						+ remedy + "\n\nAction:\n\n" + remedy + "\n");
			assertThat(migrator.current()).containsExactly(SLUG_COLUMNS);
		}
	}

	@Test
	void prodProfileStartsOnADatabaseAtTheHead() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			migrator(db).upgrade("heads");
			try (ConfigurableApplicationContext context = SampleAppRunner.start(db, "prod")) {
				assertThat(context.isRunning()).isTrue();
			}
			assertThat(db.query("SELECT COUNT(*) FROM migration_history")).containsExactly(List.of("8"));
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void testProfileLeavesTheDatabaseUntouched() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			try (ConfigurableApplicationContext context = SampleAppRunner.start(db, "test")) {
				assertThat(db.tables()).doesNotContain("notes", "note_tags", "note_audit");
				String port = context.getEnvironment().getProperty("local.server.port");
				String migrations = RestClient.create("http://localhost:" + port)
					.get()
					.uri("/actuator/migrations")
					.retrieve()
					.body(String.class);
				List<String> pending = JsonPath.parse(migrations)
					.read("$.contexts.notes.dataSources.dataSource.pending", List.class);
				// in run order; which branch runs first is the engine's choice
				assertThat(pending)
					.containsExactlyInAnyOrder(BASE, ARCHIVED, AUDIT, TAGS, MERGE, SLUG_COLUMNS, BACKFILL, PINNED)
					.startsWith(BASE)
					.endsWith(MERGE, SLUG_COLUMNS, BACKFILL, PINNED);
				assertThat(pending.indexOf(ARCHIVED)).isLessThan(pending.indexOf(AUDIT));
			}
		}
	}

	@Test
	void devProfileUpgradesToTheHead() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			try (ConfigurableApplicationContext context = SampleAppRunner.start(db, "dev")) {
				assertThat(db.query("SELECT version_num FROM migration_version")).containsExactly(List.of(PINNED));
			}
		}
	}

}
