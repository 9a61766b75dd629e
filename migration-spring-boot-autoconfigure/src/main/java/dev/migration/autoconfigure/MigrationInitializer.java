package dev.migration.autoconfigure;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
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

	private final @Nullable StartupLint lint;

	/**
	 * Create an initializer.
	 * @param migrator the migrator
	 * @param strategy what to do at startup
	 * @param runs where the run is recorded for metrics
	 */
	public MigrationInitializer(Migrator migrator, MigrationStrategy strategy, MigrationRuns runs) {
		this(migrator, strategy, runs, null);
	}

	/**
	 * Create an initializer that lints pending revisions first
	 * ({@code migration.lint.on-startup}).
	 * @param migrator the migrator
	 * @param strategy what to do at startup
	 * @param runs where the run is recorded for metrics
	 * @param properties the settings whose {@code migration.lint.*} apply
	 */
	public MigrationInitializer(Migrator migrator, MigrationStrategy strategy, MigrationRuns runs,
			@Nullable MigrationProperties properties) {
		this.migrator = migrator;
		this.strategy = strategy;
		this.runs = runs;
		// the linter's classes are loaded only when it lints at startup
		this.lint = (properties != null) ? StartupLint.of(properties) : null;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.lint != null) {
			this.lint.check(this.migrator);
		}
		if (this.strategy instanceof StartupValidation validation) {
			this.runs.recordValidation(() -> validation.check(this.migrator));
			return;
		}
		MigrationResult result = this.runs.record(() -> this.strategy.migrate(this.migrator));
		if (result != null && !result.newerHeads().isEmpty()) {
			// the migrator logged a warning: the database is ahead of this build
			return;
		}
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
