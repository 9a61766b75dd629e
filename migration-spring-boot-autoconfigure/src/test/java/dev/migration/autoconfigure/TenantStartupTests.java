package dev.migration.autoconfigure;

import java.util.List;

import dev.migration.tenant.TenantMigrationException;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code migration.schemas}: every tenant schema is migrated at startup. */
class TenantStartupTests {

	@ServerDatabaseTest
	void everyListedSchemaIsMigratedAtStartup(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind); TenantSchemas schemas = new TenantSchemas(db)) {
			List<String> tenants = List.of(schemas.name("_a"), schemas.name("_b"));
			StartupMigrationTests.runner(db)
				.withPropertyValues(schemas.property(), "migration.parallelism=4")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					TenantMigrationInitializer initializer = context.getBean(TenantMigrationInitializer.class);
					assertThat(initializer.getLastRun().summary()).isEqualTo("2 schemas: 2 migrated, 0 failed");
				});
			for (String schema : tenants) {
				assertThat(db.query("SELECT version_num FROM " + schema + ".migration_version"))
					.containsExactly(List.of("c3c3c3c3c3c3"));
				assertThat(db.query("SELECT name FROM " + schema + ".person")).containsExactly(List.of("Ada"));
			}
		}
	}

	@ServerDatabaseTest
	void aFailedSchemaFailsStartupUnlessContinueOnTenantFailure(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind); TenantSchemas schemas = new TenantSchemas(db)) {
			String good = schemas.name("_good");
			String bad = schemas.name("_bad");
			schemas.createWithPersonTable(bad);
			StartupMigrationTests.runner(db)
				.withPropertyValues(schemas.property())
				.run((context) -> assertThat(context).getFailure()
					.rootCause()
					.isInstanceOf(TenantMigrationException.class)
					.hasMessageStartingWith(
							"Migrating 2 schemas: 1 migrated, 1 failed (" + bad + ").\n  " + bad + ": "));
			assertThat(db.query("SELECT version_num FROM " + good + ".migration_version"))
				.containsExactly(List.of("c3c3c3c3c3c3"));
			StartupMigrationTests.runner(db)
				.withPropertyValues(schemas.property(), "migration.continue-on-tenant-failure=true")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(TenantMigrationInitializer.class).getLastRun().summary())
						.isEqualTo("2 schemas: 1 migrated, 1 failed (" + bad + ")");
				});
		}
	}

}
