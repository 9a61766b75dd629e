package dev.migration.actuator;

import org.springframework.beans.factory.ObjectProvider;

import dev.migration.autoconfigure.MigrationProperties;

/**
 * The target the endpoint, health and metrics compare against: {@code migration.target},
 * or {@code heads} for migrators the user defined without the properties.
 */
final class ConfiguredTarget {

	private ConfiguredTarget() {
	}

	static String of(ObjectProvider<MigrationProperties> properties) {
		MigrationProperties bound = properties.getIfAvailable();
		return (bound != null) ? bound.getTarget() : "heads";
	}

}
