package dev.migration.actuator;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import dev.migration.actuator.MigrationsEndpoint.ContextMigrationsDescriptor;
import dev.migration.actuator.MigrationsEndpoint.DataSourceMigrationsDescriptor;
import dev.migration.actuator.MigrationsEndpoint.RevisionDescriptor;
import dev.migration.actuator.MigrationsEndpoint.TenantDescriptor;
import dev.migration.actuator.MigrationsEndpoint.TenantsDescriptor;
import dev.migration.autoconfigure.ServerDatabaseTest;
import dev.migration.autoconfigure.TenantSchemas;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code migration.schemas}, the endpoint, health and metrics report the tenant
 * schemas (not the default schema, which is not migrated): a summary per state, the
 * schemas needing attention first, one schema in full at its own path, one pending gauge
 * per schema.
 */
class TenantActuatorTests {

	@ServerDatabaseTest
	void endpointHealthAndMetricsSumUpTheTenantSchemas(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind); TenantSchemas schemas = new TenantSchemas(db)) {
			String good = schemas.name("_ok");
			String bad = schemas.name("_bad");
			String other = schemas.name("_ok2");
			// the first revision creates person, which this schema already has: its
			// run fails
			schemas.createWithPersonTable(bad);
			MigrationsActuatorTests.runner(db)
				.withPropertyValues(schemas.property(), "migration.continue-on-tenant-failure=true",
						"migration.parallelism=4")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					ContextMigrationsDescriptor described = context.getBean(MigrationsEndpoint.class)
						.migrations()
						.contexts()
						.get(context.getId());
					assertThat(described.dataSources()).isEmpty();
					assertThat(described.tenants()).containsOnlyKeys("dataSource");
					TenantsDescriptor tenants = described.tenants().get("dataSource");
					assertThat(tenants.total()).isEqualTo(3);
					assertThat(tenants.graphHeads()).containsExactly("c3c3c3c3c3c3");
					assertThat(tenants.states()).containsExactly(Map.entry("BEHIND", 1), Map.entry("AT_TARGET", 2));
					assertThat(tenants.schemas()).extracting(TenantDescriptor::schema)
						.containsExactly(bad, good, other);
					TenantDescriptor failed = tenants.schemas().get(0);
					assertThat(failed.state()).isEqualTo("BEHIND");
					assertThat(failed.pending()).isEqualTo(3);
					assertThat(failed.currentHeads()).isEmpty();
					assertThat(tenants.schemas().get(1).currentHeads()).containsExactly("c3c3c3c3c3c3");
					assertThat(tenants.schemas().get(1).pending()).isZero();

					MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
					DataSourceMigrationsDescriptor full = endpoint.tenant("tenants", good)
						.dataSources()
						.get("dataSource");
					assertThat(full.revisions()).extracting(RevisionDescriptor::state).containsOnly("APPLIED");
					assertThat(full.history()).hasSize(3);
					assertThat(endpoint.tenant("tenants", bad).dataSources().get("dataSource").pending())
						.containsExactly("a1a1a1a1a1a1", "b2b2b2b2b2b2", "c3c3c3c3c3c3");
					assertThat(endpoint.tenant("tenants", "not_a_tenant")).isNull();
					assertThat(endpoint.tenant("schemas", good)).isNull();

					Health health = context.getBean(MigrationsHealthIndicator.class).health(true);
					assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
					assertThat(health.getDetails()).containsEntry("schemas", 3)
						.containsEntry("states", Map.of("BEHIND", 1, "AT_TARGET", 2))
						.containsEntry("attention", List.of(bad + ": BEHIND"));

					MeterRegistry registry = MigrationsActuatorTests.meters(context);
					assertThat(registry.get("migration.pending").gauges()).hasSize(3);
					assertThat(registry.get("migration.pending").tag("schema", good).gauge().value()).isZero();
					assertThat(registry.get("migration.pending").tag("schema", bad).gauge().value()).isEqualTo(3);
					assertThat(registry.get("migration.pending")
						.tags("name", "dataSource", "schema", other)
						.gauge()
						.value()).isZero();
				});
			// the failed schema fixed and migrated: everything UP
			db.execute("DROP TABLE " + bad + ".person");
			MigrationsActuatorTests.runner(db).withPropertyValues(schemas.property()).run((context) -> {
				assertThat(context).hasNotFailed();
				Health health = context.getBean(MigrationsHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("states", Map.of("AT_TARGET", 3))
					.containsEntry("attention", List.of());
			});
		}
	}

}
