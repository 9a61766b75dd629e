package dev.migration.script;

import java.util.function.Supplier;

import dev.migration.InvalidConfigurationException;

/**
 * {@code {vendor}} in a location ({@code classpath:db/migration/{vendor}}) stands for the
 * database's vendor: {@code h2}, {@code postgresql}, {@code mariadb}, {@code mysql} or
 * {@code sqlite}.
 */
final class Vendors {

	static final String VENDOR = "{vendor}";

	private Vendors() {
	}

	static String resolve(String location, Supplier<DatabaseFacts> facts) {
		if (!location.contains(VENDOR)) {
			return location;
		}
		String vendor = facts.get().vendor();
		if (vendor == null) {
			throw new InvalidConfigurationException("locations", "entry '" + location
					+ "' names {vendor}, which needs the database: configure migration.url (or, offline, the dialect: --dialect)");
		}
		return location.replace(VENDOR, vendor);
	}

}
