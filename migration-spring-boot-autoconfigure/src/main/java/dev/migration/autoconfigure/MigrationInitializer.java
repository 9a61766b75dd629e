package dev.migration.autoconfigure;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationStartupAware;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;

import dev.migration.MigrationResult;
import dev.migration.command.Migrator;

/**
 * Runs the {@link MigrationStrategy} when the application starts. Boot's database
 * initialization detection makes JPA, {@code JdbcTemplate}/{@code JdbcClient} users and
 * {@code @DependsOnDatabaseInitialization} beans depend on this bean. The startup is
 * recorded as the {@link ApplicationStartup} step {@value #STARTUP_STEP} (tags
 * {@code outcome} and, when revisions ran, {@code direction}, {@code revisions} and
 * {@code heads}), with {@value #LINT_STEP} inside it when pending revisions are linted.
 */
public class MigrationInitializer implements InitializingBean, ApplicationStartupAware {

	/** The {@link ApplicationStartup} step of the startup migration. */
	public static final String STARTUP_STEP = "migration.startup";

	/** The {@link ApplicationStartup} step of linting pending revisions. */
	public static final String LINT_STEP = "migration.lint";

	private static final Logger log = LoggerFactory.getLogger(MigrationInitializer.class);

	private final Migrator migrator;

	private final MigrationStrategy strategy;

	private final MigrationRuns runs;

	private final @Nullable StartupLint lint;

	private ApplicationStartup startup = ApplicationStartup.DEFAULT;

	/**
	 * Create an initializer.
	 * @param migrator the migrator
	 * @param strategy what to do at startup
	 * @param runs where the run is recorded for metrics
	 */
	public MigrationInitializer(Migrator migrator, MigrationStrategy strategy, MigrationRuns runs) {
		this(migrator, strategy, runs, (StartupLint) null);
	}

	/**
	 * Create an initializer whose run arms the startup lint
	 * ({@code migration.lint.on-startup}): a listener of the migrator's, told the
	 * upgrade's plan.
	 * @param migrator the migrator
	 * @param strategy what to do at startup
	 * @param runs where the run is recorded for metrics
	 * @param lint the startup lint registered with the migrator, {@code null} for none
	 */
	MigrationInitializer(Migrator migrator, MigrationStrategy strategy, MigrationRuns runs,
			@Nullable StartupLint lint) {
		this.migrator = migrator;
		this.strategy = strategy;
		this.runs = runs;
		this.lint = lint;
	}

	@Override
	public void setApplicationStartup(ApplicationStartup applicationStartup) {
		this.startup = applicationStartup;
	}

	@Override
	public void afterPropertiesSet() {
		StartupStep step = this.startup.start(STARTUP_STEP);
		try {
			MigrationResult result = migrate();
			if (result != null) {
				step.tag("direction", result.direction().name().toLowerCase(Locale.ROOT))
					.tag("revisions", String.valueOf(result.steps().size()))
					.tag("heads", MigrationValidationException.heads(result.toHeads()));
			}
			step.tag("outcome", "success");
		}
		catch (RuntimeException ex) {
			step.tag("outcome", "failure");
			throw ex;
		}
		finally {
			step.end();
		}
	}

	/**
	 * Run the strategy; {@link #afterPropertiesSet()} records it as a startup step.
	 * @return what ran, or {@code null} when nothing did (or for a validation)
	 */
	protected @Nullable MigrationResult migrate() {
		if (this.strategy instanceof StartupValidation validation) {
			this.runs.recordValidation(() -> validation.check(this.migrator));
			return null;
		}
		MigrationResult result;
		if (this.lint != null) {
			this.lint.arm(this.migrator, this.startup);
		}
		try {
			result = this.runs.record(() -> this.strategy.migrate(this.migrator));
		}
		finally {
			if (this.lint != null) {
				this.lint.disarm();
			}
		}
		if (result != null && !result.newerHeads().isEmpty()) {
			// the migrator logged a warning: the database is ahead of this build
			return result;
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
		return result;
	}

	public Migrator getMigrator() {
		return this.migrator;
	}

}
