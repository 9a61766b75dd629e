package dev.migration.autoconfigure;

import org.springframework.beans.factory.BeanCurrentlyInCreationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.WebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Starts the startup migration in the background before the web server is created: a web
 * application's refresh creates (and, for Tomcat, initializes) its web server, with its
 * filters and servlets, before the other singletons, and every bean post-processor is
 * registered by then. Creating the {@link MigrationInitializer} here starts its run; the
 * beans that depend on database initialization still wait for it, and the refresh still
 * ends only after it.
 */
final class StartupMigrationEarlyStart implements WebServerFactoryCustomizer<WebServerFactory>, Ordered {

	private final ObjectProvider<MigrationInitializer> initializers;

	StartupMigrationEarlyStart(ObjectProvider<MigrationInitializer> initializers) {
		this.initializers = initializers;
	}

	@Override
	public void customize(WebServerFactory factory) {
		try {
			this.initializers.orderedStream().forEach((initializer) -> {
			});
		}
		catch (BeanCurrentlyInCreationException ex) {
			// a bean of the migration's needs the web server's: the initializer is
			// created
			// later, with the other singletons
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
