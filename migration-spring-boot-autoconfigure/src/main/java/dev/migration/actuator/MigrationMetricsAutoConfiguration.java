package dev.migration.actuator;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.autoconfigure.MigrationProperties;
import dev.migration.autoconfigure.MigrationRuns;
import dev.migration.command.Migrator;

/**
 * Migration metrics, when Micrometer and a {@link MeterRegistry} are present.
 */
@AutoConfiguration(after = MigrationAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ Migrator.class, MeterRegistry.class, MeterBinder.class })
@ConditionalOnBean({ MeterRegistry.class, MigrationRuns.class })
public final class MigrationMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationMetrics migrationMetrics(MigrationRuns runs, ApplicationContext context,
			ObjectProvider<MigrationProperties> properties) {
		return new MigrationMetrics(runs, context, ConfiguredTarget.of(properties));
	}

}
