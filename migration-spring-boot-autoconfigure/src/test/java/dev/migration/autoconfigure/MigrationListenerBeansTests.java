package dev.migration.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.Ordered;

import dev.migration.HistoryEntry;
import dev.migration.MigrationListener;
import dev.migration.MigrationResult;
import dev.migration.Revision;
import dev.migration.ValidationReport;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Every {@link MigrationListener} bean hears the startup run, in bean order. */
class MigrationListenerBeansTests {

	private final List<String> events = new ArrayList<>();

	private ApplicationContextRunner runner(TestDatabase db) {
		// registered second-first: the order comes from Ordered, not registration
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
					"spring.datasource.password=" + db.password())
			.withBean("second", MigrationListener.class, () -> new Recording("second", 2, this.events))
			.withBean("first", MigrationListener.class, () -> new Recording("first", 1, this.events));
	}

	@Test
	void everyListenerBeanHearsTheRunAndEachRevision() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			runner(db).run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.events).containsExactly("first: before upgrade", "second: before upgrade",
						"first: before UPGRADE a1a1a1a1a1a1", "second: before UPGRADE a1a1a1a1a1a1",
						"first: done UPGRADE a1a1a1a1a1a1", "second: done UPGRADE a1a1a1a1a1a1",
						"first: before UPGRADE b2b2b2b2b2b2", "second: before UPGRADE b2b2b2b2b2b2",
						"first: done UPGRADE b2b2b2b2b2b2", "second: done UPGRADE b2b2b2b2b2b2",
						"first: before UPGRADE c3c3c3c3c3c3", "second: before UPGRADE c3c3c3c3c3c3",
						"first: done UPGRADE c3c3c3c3c3c3", "second: done UPGRADE c3c3c3c3c3c3",
						"first: after upgrade 3 steps", "second: after upgrade 3 steps");
			});
		}
	}

	@Test
	void listenersHearAFailedRun() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			// an existing (empty) version table, so the schema is not refused as
			// unmanaged
			// and the first revision runs and fails on the table already there
			db.execute("CREATE TABLE migration_version (version_num VARCHAR(255) NOT NULL PRIMARY KEY)");
			db.execute("CREATE TABLE person (id INT)");
			runner(db).run((context) -> {
				assertThat(context).hasFailed();
				assertThat(this.events).contains("first: before UPGRADE a1a1a1a1a1a1")
					.endsWith("first: failed upgrade MigrationFailedException",
							"second: failed upgrade MigrationFailedException");
			});
		}
	}

	@Test
	void listenersHearStartupValidation() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			runner(db).withPropertyValues("migration.on-startup=validate").run((context) -> {
				assertThat(context).hasFailed();
				assertThat(this.events).containsExactly("first: validated", "second: validated");
			});
		}
	}

	record Recording(String name, int order, List<String> events) implements MigrationListener, Ordered {

		@Override
		public int getOrder() {
			return this.order;
		}

		@Override
		public void beforeRun(String command) {
			this.events.add(this.name + ": before " + command);
		}

		@Override
		public void beforeRevision(HistoryEntry.Direction direction, Revision revision) {
			this.events.add(this.name + ": before " + direction + " " + revision.id());
		}

		@Override
		public void stepCompleted(HistoryEntry.Direction direction, MigrationResult.Step step) {
			this.events.add(this.name + ": done " + direction + " " + step.revision());
		}

		@Override
		public void afterRun(String command, MigrationResult result) {
			this.events.add(this.name + ": after " + command + " " + result.steps().size() + " steps");
		}

		@Override
		public void runFailed(String command, RuntimeException failure) {
			this.events.add(this.name + ": failed " + command + " " + failure.getClass().getSimpleName());
		}

		@Override
		public void validated(ValidationReport report) {
			this.events.add(this.name + ": validated");
		}

	}

}
