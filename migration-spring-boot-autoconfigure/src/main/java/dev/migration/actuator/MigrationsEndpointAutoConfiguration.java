package dev.migration.actuator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.autoconfigure.MigrationProperties;
import dev.migration.command.Migrator;

/**
 * The {@code migrations} endpoint, when Actuator is present and the endpoint is available
 * (exposed and not switched off).
 */
@AutoConfiguration(after = MigrationAutoConfiguration.class)
@ConditionalOnClass({ Migrator.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
public final class MigrationsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnBean(Migrator.class)
	@ConditionalOnMissingBean
	MigrationsEndpoint migrationsEndpoint(ApplicationContext context, ObjectProvider<MigrationProperties> properties) {
		return new MigrationsEndpoint(context, ConfiguredTarget.of(properties));
	}

}
