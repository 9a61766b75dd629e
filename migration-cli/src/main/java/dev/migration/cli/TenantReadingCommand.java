package dev.migration.cli;

import picocli.CommandLine.Mixin;

import dev.migration.tenant.TenantMigrator;

/**
 * {@code current}, {@code history} and {@code status}: they read the one database, or
 * with {@code --schemas} each selected schema.
 */
abstract class TenantReadingCommand extends JsonCommand {

	@Mixin
	private TenantOptions tenants;

	@Override
	public final Integer call() {
		TenantMigrator tenantMigrator = this.tenants.migrator(this.connection);
		return (tenantMigrator != null) ? perSchema(tenantMigrator) : single();
	}

	/**
	 * Read the one database.
	 * @return the exit code
	 */
	abstract int single();

	/**
	 * Read every selected schema.
	 * @param tenantMigrator the schemas' migrator
	 * @return the exit code
	 */
	abstract int perSchema(TenantMigrator tenantMigrator);

}
