package dev.migration.autogenerate;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

import dev.migration.testing.TestDatabase;

/**
 * The application's own Hibernate on a test database: its dialect resolved from the live
 * connection, and its {@code hbm2ddl.auto} actions ({@code validate}, {@code create},
 * {@code drop}) run against the database. One bootstrap per model and database.
 */
final class HibernateOracle implements AutoCloseable {

	private final StandardServiceRegistry registry;

	private final Metadata metadata;

	HibernateOracle(TestDatabase db, Collection<Class<?>> entities) {
		this.registry = new StandardServiceRegistryBuilder().applySetting("hibernate.connection.url", db.url())
			.applySetting("hibernate.connection.username", db.user())
			.applySetting("hibernate.connection.password", (db.password() != null) ? db.password() : "")
			.applySetting("hibernate.connection.pool_size", "1")
			.build();
		MetadataSources sources = new MetadataSources(this.registry);
		entities.forEach(sources::addAnnotatedClass);
		this.metadata = sources.buildMetadata();
	}

	/** {@code hbm2ddl.auto=validate}: throws Hibernate's exception when it disagrees. */
	void validate() {
		run("validate");
	}

	/** {@code hbm2ddl.auto=create}. */
	void create() {
		run("create");
	}

	/** {@code hbm2ddl.auto=drop}. */
	void drop() {
		run("drop");
	}

	private void run(String action) {
		Map<String, Object> settings = new HashMap<>(
				this.registry.getService(ConfigurationService.class).getSettings());
		settings.put("hibernate.hbm2ddl.auto", action);
		settings.put("hibernate.hbm2ddl.halt_on_error", "true");
		SchemaManagementToolCoordinator.process(this.metadata, this.registry, settings, (ignored) -> {
		});
	}

	@Override
	public void close() {
		StandardServiceRegistryBuilder.destroy(this.registry);
	}

}
