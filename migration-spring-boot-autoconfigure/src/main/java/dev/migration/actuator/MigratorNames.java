package dev.migration.actuator;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.context.ApplicationContext;

import dev.migration.command.Migrator;

/**
 * Names each migrator of one context (ancestors excluded) after the DataSource bean it
 * migrates, or after its own bean name when it has its own connection
 * ({@code migration.url}).
 */
final class MigratorNames {

	private MigratorNames() {
	}

	static Map<String, Migrator> of(ApplicationContext context) {
		Map<String, DataSource> dataSources = context.getBeansOfType(DataSource.class);
		Map<String, Migrator> named = new LinkedHashMap<>();
		context.getBeansOfType(Migrator.class).forEach((beanName, migrator) -> {
			String name = dataSources.entrySet()
				.stream()
				.filter((entry) -> entry.getValue() == migrator.config().dataSource())
				.map(Map.Entry::getKey)
				.findFirst()
				.orElse(beanName);
			named.put(name, migrator);
		});
		return named;
	}

}
