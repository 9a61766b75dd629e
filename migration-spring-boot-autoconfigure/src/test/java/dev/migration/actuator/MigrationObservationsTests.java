package dev.migration.actuator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Observations of startup runs and their revisions, made when an
 * {@link ObservationRegistry} is a bean.
 */
class MigrationObservationsTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationAutoConfiguration.class,
				MigrationObservationAutoConfiguration.class));

	@TempDir
	Path dir;

	@Test
	void runAndEachRevisionAreObservedWithTheirTagsOnPostgresql() {
		try (TestDatabase db = TestDatabase.createPostgresqlDatabase()) {
			this.runner.withPropertyValues(datasource(db))
				.withBean(ObservationRegistry.class, () -> this.registry)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					TestObservationRegistryAssert.assertThat(this.registry)
						.hasNumberOfObservationsWithNameEqualTo(MigrationObservations.RUN, 1)
						.hasNumberOfObservationsWithNameEqualTo(MigrationObservations.REVISION, 3)
						.hasObservationWithNameEqualTo(MigrationObservations.RUN)
						.that()
						.hasContextualNameEqualTo("migration upgrade")
						.hasLowCardinalityKeyValue("direction", "upgrade")
						.hasLowCardinalityKeyValue("outcome", "success")
						.hasLowCardinalityKeyValue("dialect", "postgresql")
						.hasHighCardinalityKeyValue("revisions", "3")
						.hasBeenStarted()
						.hasBeenStopped();
					TestObservationRegistryAssert.assertThat(this.registry)
						.forAllObservationsWithNameEqualTo(MigrationObservations.REVISION,
								(revision) -> revision.hasLowCardinalityKeyValue("direction", "upgrade")
									.hasLowCardinalityKeyValue("outcome", "success")
									.hasLowCardinalityKeyValue("dialect", "postgresql")
									.doesNotHaveError());
					TestObservationRegistryAssert.assertThat(this.registry)
						.hasHandledContextsThatSatisfy((contexts) -> {
							Observation.Context run = named(contexts, MigrationObservations.RUN).get(0);
							List<Observation.Context> revisions = named(contexts, MigrationObservations.REVISION);
							assertThat(revisions)
								.extracting((each) -> each.getLowCardinalityKeyValue("revision").getValue())
								.containsExactly("a1a1a1a1a1a1", "b2b2b2b2b2b2", "c3c3c3c3c3c3");
							assertThat(revisions)
								.extracting((each) -> each.getHighCardinalityKeyValue("message").getValue())
								.containsExactly("Create person table", "Add email to person", "Seed the first person");
							assertThat(revisions).allSatisfy((each) -> assertThat(each.getParentObservation())
								.as("a revision is a child of its run")
								.isNotNull()
								.satisfies((parent) -> assertThat(parent.getContextView()).isSameAs(run)));
						});
				});
		}
	}

	@Test
	void aFailingRevisionIsObservedAsAFailureAndSoIsItsRun() throws Exception {
		Files.writeString(this.dir.resolve("0a0a0a0a0a0a_ok.sql"), """
				-- migration: Fine
				-- revision: 0a0a0a0a0a0a

				-- +upgrade
				CREATE TABLE obs_ok (id INT PRIMARY KEY);
				""");
		Files.writeString(this.dir.resolve("1b1b1b1b1b1b_broken.sql"), """
				-- migration: Broken
				-- revision: 1b1b1b1b1b1b
				-- revises: 0a0a0a0a0a0a

				-- +upgrade
				CREATE TABLE obs_broken (id NOSUCHTYPE);
				""");
		this.runner
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:observed_failure;DB_CLOSE_DELAY=-1",
					"migration.locations=filesystem:" + this.dir)
			.withBean(ObservationRegistry.class, () -> this.registry)
			.run((context) -> {
				assertThat(context).hasFailed();
				TestObservationRegistryAssert.assertThat(this.registry)
					.hasObservationWithNameEqualTo(MigrationObservations.RUN)
					.that()
					.hasLowCardinalityKeyValue("outcome", "failure")
					.hasLowCardinalityKeyValue("dialect", "h2")
					.hasError()
					.hasBeenStopped();
				TestObservationRegistryAssert.assertThat(this.registry).hasHandledContextsThatSatisfy((contexts) -> {
					List<Observation.Context> revisions = named(contexts, MigrationObservations.REVISION);
					assertThat(revisions).hasSize(2);
					assertThat(revisions.get(0).getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("success");
					assertThat(revisions.get(1).getLowCardinalityKeyValue("revision").getValue())
						.isEqualTo("1b1b1b1b1b1b");
					assertThat(revisions.get(1).getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("failure");
					assertThat(revisions.get(1).getError()).hasMessageContaining("NOSUCHTYPE");
				});
			});
	}

	@Test
	void nothingIsObservedWithoutAnObservationRegistry() {
		this.runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:not_observed;DB_CLOSE_DELAY=-1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(MigrationObservations.class);
			});
	}

	private static String[] datasource(TestDatabase db) {
		return new String[] { "spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
				"spring.datasource.password=" + db.password() };
	}

	private static List<Observation.Context> named(List<Observation.Context> contexts, String name) {
		return contexts.stream().filter((context) -> name.equals(context.getName())).toList();
	}

}
