package dev.migration.test;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import dev.migration.command.Migrator;

/**
 * The Spring test context of a {@code @SpringBootTest} or {@code @DataJpaTest}, touched
 * only when the test class runs with the {@code SpringExtension}.
 */
final class SpringContext {

	private SpringContext() {
	}

	static @Nullable MigrationChecks checks(ExtensionContext context) {
		ApplicationContext applicationContext = SpringExtension.getApplicationContext(context);
		Migrator migrator = applicationContext.getBeanProvider(Migrator.class).getIfUnique();
		if (migrator != null) {
			return MigrationChecks.forMigrator(migrator);
		}
		DataSource dataSource = applicationContext.getBeanProvider(DataSource.class).getIfUnique();
		return (dataSource != null) ? MigrationChecks.forDataSource(dataSource) : null;
	}

}
