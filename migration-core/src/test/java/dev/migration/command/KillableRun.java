package dev.migration.command;

import dev.migration.MigrationConfig;
import dev.migration.sql.DriverDataSource;

/**
 * A migration run in its own JVM, for tests that kill it: url, user, password, location.
 */
public final class KillableRun {

	private KillableRun() {
	}

	public static void main(String[] args) {
		MigrationConfig config = MigrationConfig.builder()
			.dataSource(new DriverDataSource(args[0], args[1], args[2]))
			.locations(args[3])
			.build();
		new Migrator(config).upgrade("heads");
	}

}
