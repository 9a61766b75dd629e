package dev.migration.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.MigrationResult;
import dev.migration.command.Migrator;
import dev.migration.tenant.TenantMigrationException;
import dev.migration.tenant.TenantMigrator;
import dev.migration.tenant.TenantRun;

/**
 * Runs the {@link MigrationStrategy} on every schema of {@code migration.schemas} (or
 * {@code schemas-query}, or a {@code MigrationTargets} bean) at startup, instead of on
 * the default schema. A failed schema fails the startup after all others were migrated,
 * unless {@code migration.continue-on-tenant-failure}.
 */
public class TenantMigrationInitializer extends MigrationInitializer {

	private static final Logger log = LoggerFactory.getLogger(TenantMigrationInitializer.class);

	private final TenantMigrator tenants;

	private final MigrationStrategy strategy;

	private final boolean continueOnFailure;

	private volatile TenantRun lastRun;

	public TenantMigrationInitializer(Migrator migrator, TenantMigrator tenants, MigrationStrategy strategy,
			MigrationRuns runs, boolean continueOnFailure) {
		super(migrator, strategy, runs);
		this.tenants = tenants;
		this.strategy = strategy;
		this.continueOnFailure = continueOnFailure;
	}

	@Override
	protected @Nullable MigrationResult migrate() {
		TenantRun run = this.tenants.run(this.strategy::migrate);
		this.lastRun = run;
		if (run.succeeded()) {
			return null;
		}
		TenantMigrationException failure = new TenantMigrationException(run);
		if (!this.continueOnFailure) {
			throw failure;
		}
		log.error("{} (starting anyway: migration.continue-on-tenant-failure=true)", failure.getMessage());
		return null;
	}

	public TenantMigrator getTenants() {
		return this.tenants;
	}

	/** The startup run, per schema. */
	public TenantRun getLastRun() {
		return this.lastRun;
	}

}
