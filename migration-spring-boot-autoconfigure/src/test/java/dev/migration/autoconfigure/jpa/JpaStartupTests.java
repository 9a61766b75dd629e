package dev.migration.autoconfigure.jpa;

import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import dev.migration.autoconfigure.DatabaseTest;
import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JPA comes after the migration ({@code ddl-auto=validate} sees the migrated tables), and
 * Boot treats the schema as managed by migrations (no {@code create-drop} default on
 * embedded databases).
 */
class JpaStartupTests {

	private static ApplicationContextRunner runner(TestDatabase db) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					HibernateJpaAutoConfiguration.class, MigrationAutoConfiguration.class))
			.withUserConfiguration(EntitiesConfiguration.class)
			.withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
					"spring.datasource.password=" + db.password());
	}

	@DatabaseTest
	void hibernateValidatesTheMigratedSchema(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			runner(db).withPropertyValues("spring.jpa.hibernate.ddl-auto=validate").run((context) -> {
				assertThat(context).hasNotFailed();
				var entityManager = context.getBean(EntityManagerFactory.class).createEntityManager();
				try {
					assertThat(entityManager.find(Person.class, 1L).getEmail()).isEqualTo("ada@example.com");
				}
				finally {
					entityManager.close();
				}
			});
		}
	}

	@Test
	void hibernateValidationFailsWithoutTheMigration() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			runner(db).withPropertyValues("spring.jpa.hibernate.ddl-auto=validate", "migration.enabled=false")
				.run((context) -> assertThat(context).hasFailed());
		}
	}

	@Test
	void embeddedDatabaseIsNotCreateDroppedWhenMigrationsOwnTheSchema() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			runner(db).run((context) -> {
				assertThat(context).hasNotFailed();
				// Boot leaves the key out for "none"
				assertThat(context.getBean(EntityManagerFactory.class).getProperties())
					.doesNotContainKey("hibernate.hbm2ddl.auto");
			});
			assertThat(db.tables()).contains("person");
		}
	}

	@Test
	void embeddedDatabaseDefaultsToCreateDropWithoutMigrations() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			runner(db).withPropertyValues("migration.enabled=false")
				.run((context) -> assertThat(context.getBean(EntityManagerFactory.class).getProperties())
					.containsEntry("hibernate.hbm2ddl.auto", "create-drop"));
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Person.class)
	static class EntitiesConfiguration {

	}

}
