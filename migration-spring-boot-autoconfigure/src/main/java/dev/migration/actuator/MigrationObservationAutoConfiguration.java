package dev.migration.actuator;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.command.Migrator;

/**
 * Observations of runs and revisions, when Micrometer's {@link ObservationRegistry} is a
 * bean (Boot's actuator makes one).
 */
@AutoConfiguration(after = MigrationAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ Migrator.class, ObservationRegistry.class })
@ConditionalOnBean({ ObservationRegistry.class, Migrator.class })
public final class MigrationObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationObservations migrationObservations(ObservationRegistry registry, ObjectProvider<Migrator> migrators) {
		return new MigrationObservations(registry, migrators);
	}

}
