package dev.migration.actuator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.migration.actuator.MigrationsEndpoint.DataSourceMigrationsDescriptor;
import dev.migration.actuator.MigrationsEndpoint.LintDescriptor;
import dev.migration.actuator.MigrationsEndpoint.RevisionDescriptor;
import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.lint.LintRule;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Endpoint, health and metrics over a real (H2) database; the HTTP shape is covered by
 * {@code MigrationsHttpTests}.
 */
class MigrationsActuatorTests {

	/**
	 * The application on a test database with the endpoint exposed, health and metrics (a
	 * simple meter registry): the set-up of every actuator test over a real database.
	 */
	static ApplicationContextRunner runner(TestDatabase db) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					MigrationAutoConfiguration.class, MigrationsEndpointAutoConfiguration.class,
					MigrationsHealthAutoConfiguration.class, MigrationMetricsAutoConfiguration.class))
			.withUserConfiguration(MeterRegistryConfiguration.class)
			.withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
					"spring.datasource.password=" + db.password(),
					"management.endpoints.web.exposure.include=migrations");
	}

	@Test
	void endpointDescribesEachContextAndDataSource() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			runner(db).run((context) -> {
				var contexts = context.getBean(MigrationsEndpoint.class).migrations().contexts();
				assertThat(contexts).containsOnlyKeys(context.getId());
				assertThat(contexts.get(context.getId()).parentId()).isNull();
				DataSourceMigrationsDescriptor dataSource = contexts.get(context.getId())
					.dataSources()
					.get("dataSource");
				assertThat(dataSource.dialect()).isEqualTo("H2");
				assertThat(dataSource.currentHeads()).containsExactly("c3c3c3c3c3c3");
				assertThat(dataSource.graphHeads()).containsExactly("c3c3c3c3c3c3");
				assertThat(dataSource.pending()).isEmpty();
				assertThat(dataSource.upToDate()).isTrue();
				assertThat(dataSource.revisions()).extracting(RevisionDescriptor::id)
					.containsExactly("c3c3c3c3c3c3", "b2b2b2b2b2b2", "a1a1a1a1a1a1");
				RevisionDescriptor b2 = dataSource.revisions().get(1);
				assertThat(b2.message()).isEqualTo("Add email to person");
				assertThat(b2.revises()).containsExactly("a1a1a1a1a1a1");
				assertThat(b2.type()).isEqualTo("SQL");
				assertThat(b2.location()).endsWith("db/migration/b2b2b2b2b2b2_add_email.sql");
				assertThat(b2.state()).isEqualTo("APPLIED");
				assertThat(b2.appliedAt()).isNotNull();
				assertThat(b2.durationMs()).isNotNull();
				assertThat(b2.checksumStatus()).isEqualTo("OK");
				assertThat(dataSource.history()).hasSize(3)
					.allSatisfy((entry) -> assertThat(entry.direction()).isEqualTo("UPGRADE"));
			});
		}
	}

	@Test
	void endpointWalksUpTheContextHierarchy() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			runner(db)
				.withPropertyValues("spring.application.name=parent",
						"management.endpoints.web.exposure.include=health")
				.run((parent) -> {
					new ApplicationContextRunner().withParent(parent)
						.withConfiguration(AutoConfigurations.of(MigrationsEndpointAutoConfiguration.class))
						.withPropertyValues("spring.application.name=child",
								"management.endpoints.web.exposure.include=migrations")
						.run((child) -> {
							var contexts = child.getBean(MigrationsEndpoint.class).migrations().contexts();
							assertThat(contexts).containsOnlyKeys(child.getId(), parent.getId());
							assertThat(contexts.get(child.getId()).parentId()).isEqualTo(parent.getId());
							assertThat(contexts.get(child.getId()).dataSources()).isEmpty();
							assertThat(contexts.get(parent.getId()).dataSources().get("dataSource").currentHeads())
								.containsExactly("c3c3c3c3c3c3");
						});
				});
		}
	}

	@Test
	void endpointListsPendingRevisionsInRunOrder() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			runner(db).withPropertyValues("migration.on-startup=none").run((context) -> {
				DataSourceMigrationsDescriptor dataSource = dataSource(context);
				assertThat(dataSource.pending()).containsExactly("a1a1a1a1a1a1", "b2b2b2b2b2b2", "c3c3c3c3c3c3");
				assertThat(dataSource.revisions()).extracting(RevisionDescriptor::state).containsOnly("PENDING");
				assertThat(dataSource.upToDate()).isFalse();
			});
		}
	}

	@Test
	void revisionsCarryTheirLintFindings(@TempDir Path scripts) throws IOException {
		Files.writeString(scripts.resolve("aaaaaaaaaaaa_create_account.sql"), """
				-- migration: Create account
				-- revision: aaaaaaaaaaaa
				-- revises:

				-- +upgrade
				CREATE TABLE account (id BIGINT PRIMARY KEY, name VARCHAR(100));
				""");
		Files.writeString(scripts.resolve("bbbbbbbbbbbb_rename_name.sql"), """
				-- migration: Rename name
				-- revision: bbbbbbbbbbbb
				-- revises: aaaaaaaaaaaa

				-- +upgrade
				ALTER TABLE account RENAME COLUMN name TO full_name;
				""");
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			runner(db).withPropertyValues("migration.locations=filesystem:" + scripts).run((context) -> {
				MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
				RevisionDescriptor renamed = endpoint.revision("bbbbbbbbbbbb").dataSources().get("dataSource");
				assertThat(renamed.lint()).containsExactly(new LintDescriptor("renaming-column", "warning", 6,
						"renames column 'account.name' to 'full_name', which breaks code still using the old name",
						LintRule.RENAMING_COLUMN.fix()));
				assertThat(endpoint.revision("aaaaaaaaaaaa").dataSources().get("dataSource").lint()).isEmpty();
			});
		}
	}

	@Test
	void selectorReturnsOneRevisionOrNull() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			runner(db).run((context) -> {
				MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
				assertThat(endpoint.revision("a1a1a1a1a1a1").dataSources()).containsOnlyKeys("dataSource");
				assertThat(endpoint.revision("a1a1a1a1a1a1").dataSources().get("dataSource").message())
					.isEqualTo("Create person table");
				assertThat(endpoint.revision("ffffffffffff")).isNull();
			});
		}
	}

	@Test
	void healthIsUpAtTheTarget() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			runner(db).run((context) -> {
				Health health = context.getBean(MigrationsHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("target", "heads")
					.containsEntry("currentHeads", List.of("c3c3c3c3c3c3"))
					.containsEntry("pending", 0)
					.containsEntry("unknownRevisions", List.of())
					.containsEntry("changedChecksums", List.of());
			});
		}
	}

	@Test
	void healthIsOutOfServiceWithPendingRevisions() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			runner(db).withPropertyValues("migration.on-startup=none").run((context) -> {
				Health health = context.getBean(MigrationsHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
				assertThat(health.getDetails()).containsEntry("pending", 3)
					.containsEntry("pendingRevisions", List.of("a1a1a1a1a1a1", "b2b2b2b2b2b2", "c3c3c3c3c3c3"));
			});
		}
	}

	@Test
	void healthIsDownWithRevisionsUnknownToTheScripts() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			runner(db).run((context) -> assertThat(context).hasNotFailed());
			db.execute("UPDATE migration_version SET version_num = 'ffffffffffff'");
			runner(db).withPropertyValues("migration.on-startup=none").run((context) -> {
				Health health = context.getBean(MigrationsHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("unknownRevisions", List.of("ffffffffffff"));
			});
		}
	}

	@Test
	void metricsRecordTheStartupRunAndPendingRevisions() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			runner(db).run((context) -> {
				MeterRegistry registry = meters(context);
				assertThat(registry.get("migration.run")
					.tags("direction", "upgrade", "outcome", "success")
					.timer()
					.count()).isEqualTo(1);
				assertThat(registry.get("migration.applied").counter().count()).isEqualTo(3);
				assertThat(registry.get("migration.pending").tag("name", "dataSource").gauge().value()).isZero();
			});
		}
	}

	@Test
	void aValidateStartupRecordsTheRunTimerWithOutcomeValidated() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			runner(db).run((context) -> assertThat(context).hasNotFailed());
			runner(db).withPropertyValues("migration.on-startup=validate").run((context) -> {
				assertThat(context).hasNotFailed();
				MeterRegistry registry = meters(context);
				assertThat(registry.get("migration.run")
					.tags("direction", "validate", "outcome", "validated")
					.timer()
					.count()).isEqualTo(1);
				assertThat(registry.get("migration.applied").counter().count()).isZero();
			});
		}
	}

	@Test
	void pendingGaugeCountsWhatAnUpgradeWouldApply() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			runner(db).withPropertyValues("migration.on-startup=none").run((context) -> {
				MeterRegistry registry = meters(context);
				assertThat(registry.get("migration.pending").gauge().value()).isEqualTo(3);
				assertThat(registry.find("migration.run").timer()).isNull();
			});
		}
	}

	/** The context's meter registry, with the migration meters bound to it. */
	static MeterRegistry meters(ApplicationContext context) {
		MeterRegistry registry = context.getBean(MeterRegistry.class);
		context.getBean(MigrationMetrics.class).bindTo(registry);
		return registry;
	}

	/**
	 * What the endpoint reports about the context's DataSource bean named 'dataSource'.
	 */
	static DataSourceMigrationsDescriptor dataSource(ApplicationContext context) {
		return context.getBean(MigrationsEndpoint.class)
			.migrations()
			.contexts()
			.get(context.getId())
			.dataSources()
			.get("dataSource");
	}

	@Configuration(proxyBeanMethods = false)
	static class MeterRegistryConfiguration {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
