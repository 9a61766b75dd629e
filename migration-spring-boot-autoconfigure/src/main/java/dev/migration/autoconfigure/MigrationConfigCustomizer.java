package dev.migration.autoconfigure;

import org.springframework.core.annotation.Order;

import dev.migration.MigrationConfigBuilder;

/**
 * Customizes the core configuration after every {@code migration.*} property has been
 * applied. Beans of this type run in {@link Order order}.
 */
@FunctionalInterface
public interface MigrationConfigCustomizer {

	/**
	 * Customize the configuration being built.
	 * @param builder the builder with the properties, DataSource and Java migration beans
	 * already applied
	 */
	void customize(MigrationConfigBuilder builder);

}
