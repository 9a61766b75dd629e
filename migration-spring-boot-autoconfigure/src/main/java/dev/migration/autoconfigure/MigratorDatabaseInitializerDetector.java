package dev.migration.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

import dev.migration.command.Migrator;

/**
 * A {@link DatabaseInitializerDetector} for {@link Migrator} and
 * {@link MigrationInitializer} beans: beans that depend on database initialization are
 * created after them, and after {@link StartupMigrationWait}, which waits for a startup
 * migration in the background to end.
 */
class MigratorDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(Migrator.class, MigrationInitializer.class, StartupMigrationWait.class);
	}

}
