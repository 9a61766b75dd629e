package dev.migration.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;

/**
 * A lazy bean that the beans depending on database initialization depend on (through
 * {@link MigratorDatabaseInitializerDetector}): created on their first request, it waits
 * for the startup migration of every {@link MigrationInitializer} to end, which may run
 * in the background. Lazy, so that it is created by a dependent and not right after the
 * initializer, which would wait at once.
 */
final class StartupMigrationWait {

	StartupMigrationWait(ObjectProvider<MigrationInitializer> initializers) {
		initializers.orderedStream().forEach(MigrationInitializer::awaitStartupMigration);
	}

}
