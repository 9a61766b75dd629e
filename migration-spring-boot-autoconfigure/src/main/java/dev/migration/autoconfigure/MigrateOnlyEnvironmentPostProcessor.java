package dev.migration.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code migration.exit-after-migrate=true} a web application starts no web server
 * (a migrate-only run serves no traffic), unless {@code spring.main.web-application-type}
 * says otherwise: the default is added with the lowest precedence.
 */
class MigrateOnlyEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE_NAME = "migrationExitAfterMigrate";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean exitAfterMigrate = Binder.get(environment)
			.bind("migration.exit-after-migrate", Boolean.class)
			.orElse(false);
		if (exitAfterMigrate) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME,
						Map.of("spring.main.web-application-type", "none")));
		}
	}

}
