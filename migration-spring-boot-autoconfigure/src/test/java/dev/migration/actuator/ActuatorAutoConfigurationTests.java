package dev.migration.actuator;

import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.command.Migrator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Endpoint, health and metrics auto-configurations: present when they should be, absent
 * otherwise, and the application still starts without Actuator or Micrometer.
 */
class ActuatorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(MigrationAutoConfiguration.class, MigrationsEndpointAutoConfiguration.class,
						MigrationsHealthAutoConfiguration.class, MigrationMetricsAutoConfiguration.class,
						EndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class))
		.withUserConfiguration(DataSourceConfiguration.class)
		.withPropertyValues("migration.on-startup=none");

	@Test
	void endpointIsNotCreatedUnlessExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void endpointIsCreatedWhenExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class));
	}

	@Test
	void endpointAccessNoneRemovesIt() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations",
					"management.endpoint.migrations.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void endpointBacksOffWithoutMigrator() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations", "migration.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void healthIndicatorIsNamedMigrations() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(MigrationsHealthIndicator.class)
			.hasBean("migrationsHealthIndicator"));
	}

	@Test
	void healthIndicatorCanBeDisabled() {
		this.contextRunner.withPropertyValues("management.health.migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsHealthIndicator.class));
	}

	@Test
	void metricsNeedAMeterRegistry() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(MigrationMetrics.class));
		this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(MigrationMetrics.class));
	}

	@Test
	void startsWithoutActuator() {
		new ApplicationContextRunner().withUserConfiguration(DataSourceConfiguration.class, AllOfOurs.class)
			.withClassLoader(
					new FilteredClassLoader("org.springframework.boot.actuate", "org.springframework.boot.health"))
			.withPropertyValues("migration.on-startup=none", "management.endpoints.web.exposure.include=migrations")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(Migrator.class);
				assertThat(context).doesNotHaveBean(MigrationsEndpoint.class)
					.doesNotHaveBean(MigrationsHealthIndicator.class);
			});
	}

	@Test
	void startsWithoutMicrometer() {
		new ApplicationContextRunner()
			.withUserConfiguration(DataSourceConfiguration.class, AllOfOurs.class, MeterRegistryConfiguration.class)
			.withClassLoader(new FilteredClassLoader("io.micrometer"))
			.withPropertyValues("migration.on-startup=none")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(Migrator.class)
				.doesNotHaveBean(MigrationMetrics.class));
	}

	/**
	 * Our auto-configurations imported the way an application gets them: through the
	 * import selector, whose class conditions filter out those that need missing
	 * libraries before they are loaded.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ MigrationAutoConfiguration.class, MigrationsEndpointAutoConfiguration.class,
			MigrationsHealthAutoConfiguration.class, MigrationMetricsAutoConfiguration.class })
	static class AllOfOurs {

	}

	@Configuration(proxyBeanMethods = false)
	static class DataSourceConfiguration {

		@Bean
		DataSource dataSource() {
			return DataSourceBuilder.create()
				.type(SimpleDriverDataSource.class)
				.url("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
				.username("sa")
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MeterRegistryConfiguration {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
