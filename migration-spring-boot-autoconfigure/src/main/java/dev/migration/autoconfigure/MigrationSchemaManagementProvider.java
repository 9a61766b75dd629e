package dev.migration.autoconfigure;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

import dev.migration.command.Migrator;

/**
 * Tells Boot that migrations own the schema of the DataSource they migrate, so that
 * Hibernate's {@code ddl-auto} no longer defaults to {@code create-drop} on an embedded
 * database.
 */
class MigrationSchemaManagementProvider implements SchemaManagementProvider {

	private final ObjectProvider<Migrator> migrators;

	private final boolean ownConnection;

	/**
	 * Create a provider.
	 * @param migrators the migrators
	 * @param ownConnection whether {@code migration.url} or {@code migration.user} is
	 * set: the migrator then connects separately (typically as a user with DDL rights) to
	 * the application's database
	 */
	MigrationSchemaManagementProvider(ObjectProvider<Migrator> migrators, boolean ownConnection) {
		this.migrators = migrators;
		this.ownConnection = ownConnection;
	}

	@Override
	public SchemaManagement getSchemaManagement(DataSource dataSource) {
		boolean managed = this.migrators.stream()
			.anyMatch((migrator) -> this.ownConnection || migrator.config().dataSource() == dataSource);
		return managed ? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
	}

}
