package dev.migration.benchmarks;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * Flyway community edition on the same SQL, as a baseline: a new {@link Flyway} per call.
 */
final class FlywayContender implements Contender {

	static final String NAME = "flyway";

	@Override
	public String name() {
		return NAME;
	}

	private static Flyway flyway(BenchDatabase db, ScriptSet scripts) {
		FluentConfiguration configuration = Flyway.configure()
			.dataSource(db.url(), db.user(), db.password())
			.locations("filesystem:" + scripts.flyway())
			.cleanDisabled(true);
		if (scripts.hasNonTransactional() && db.kind() == BenchDatabase.DbKind.POSTGRESQL) {
			// Flyway's default transactional advisory lock would make CREATE INDEX
			// CONCURRENTLY wait for Flyway's own transaction forever: its session lock
			// instead.
			// (flyway.postgresql.transactional.lock=false).
			configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
		}
		return configuration.load();
	}

	@Override
	public int apply(BenchDatabase db, ScriptSet scripts) {
		return flyway(db, scripts).migrate().migrationsExecuted;
	}

	/** Flyway validates checksums on migrate by default, as we do. */
	@Override
	public int upToDate(BenchDatabase db, ScriptSet scripts) {
		return flyway(db, scripts).migrate().migrationsExecuted;
	}

	@Override
	public int validate(BenchDatabase db, ScriptSet scripts) {
		ValidateResult result = flyway(db, scripts).validateWithResult();
		return result.validationSuccessful ? 0 : Math.max(1, result.invalidMigrations.size());
	}

	/**
	 * Closest equivalent of loading and resolving: {@code info()} (scan + history read).
	 */
	@Override
	public int graph(BenchDatabase db, ScriptSet scripts) {
		return flyway(db, scripts).info().all().length;
	}

}
