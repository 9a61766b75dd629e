package dev.migration.autoconfigure;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;

import dev.migration.MigrationResult;
import dev.migration.command.Migrator;

/**
 * Runs the {@link MigrationStrategy} when the application starts. Boot's database
 * initialization detection makes JPA, {@code JdbcTemplate}/{@code JdbcClient} users and
 * {@code @DependsOnDatabaseInitialization} beans depend on this bean.
 */
public class MigrationInitializer implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(MigrationInitializer.class);

	private final Migrator migrator;

	private final MigrationStrategy strategy;

	private final MigrationRuns runs;

	/**
	 * Create an initializer.
	 * @param migrator the migrator
	 * @param strategy what to do at startup
	 * @param runs where the run is recorded for metrics
	 */
	public MigrationInitializer(Migrator migrator, MigrationStrategy strategy, MigrationRuns runs) {
		this.migrator = migrator;
		this.strategy = strategy;
		this.runs = runs;
	}

	@Override
	public void afterPropertiesSet() {
		MigrationResult result = this.runs.record(() -> this.strategy.migrate(this.migrator));
		if (result != null && result.steps().isEmpty()) {
			log.info("{}: database already at the target", MigrationValidationException.heads(result.toHeads()));
		}
		else if (result != null) {
			log.info("{}: database migrated from {} in {} {} step(s), {} ms",
					MigrationValidationException.heads(result.toHeads()),
					MigrationValidationException.heads(result.fromHeads()), result.steps().size(),
					result.direction().name().toLowerCase(Locale.ROOT), result.duration().toMillis());
		}
	}

	public Migrator getMigrator() {
		return this.migrator;
	}

}
