package dev.migration.autoconfigure;

import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.BeanNameAware;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
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
 * <p>
 * With {@code migration.startup-in-background} (the default) the run starts when this
 * bean is created, on a thread of its own ({@value #THREAD_NAME}), while the context goes
 * on creating beans: the beans that depend on database initialization wait for it
 * ({@link #awaitStartupMigration()}, through {@link StartupMigrationWait}), and so does
 * the end of the singletons' creation ({@link #afterSingletonsInstantiated()}), so the
 * context is not refreshed, nor the web server started, before the run ended; a failed
 * run fails the startup as on the main thread. If the startup fails for another reason,
 * {@link #destroy()} waits for the run to end before the application's DataSource is
 * closed.
 */
public class MigrationInitializer implements InitializingBean, SmartInitializingSingleton, DisposableBean,
		BeanNameAware, ApplicationStartupAware {

	/** The {@link ApplicationStartup} step of the startup migration. */
	public static final String STARTUP_STEP = "migration.startup";

	/** The {@link ApplicationStartup} step of linting pending revisions. */
	public static final String LINT_STEP = "migration.lint";

	/** The name of the thread of a startup migration in the background. */
	public static final String THREAD_NAME = "migration-startup";

	private static final Logger log = LoggerFactory.getLogger(MigrationInitializer.class);

	private final Migrator migrator;

	private final MigrationStrategy strategy;

	private final MigrationRuns runs;

	private final @Nullable StartupLint lint;

	private ApplicationStartup startup = ApplicationStartup.DEFAULT;

	private String beanName = "migrationInitializer";

	private boolean background;

	private volatile @Nullable FutureTask<Void> run;

	private volatile @Nullable Thread runner;

	private volatile boolean failureReported;

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
	public void setBeanName(String name) {
		this.beanName = name;
	}

	/**
	 * Whether {@link #afterPropertiesSet()} starts the run on a thread of its own
	 * ({@code migration.startup-in-background}) instead of running it.
	 * @param background whether to run in the background
	 */
	public void setBackground(boolean background) {
		this.background = background;
	}

	@Override
	public void afterPropertiesSet() {
		if (!this.background) {
			migrateRecorded();
			return;
		}
		FutureTask<Void> task = new FutureTask<>(this::migrateRecorded, null);
		Thread thread = new Thread(task, THREAD_NAME);
		// the thread that creates the beans may be a launcher's, with the application's
		// classes
		thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
		this.run = task;
		this.runner = thread;
		thread.start();
	}

	/**
	 * Wait until the startup run has ended; rethrow its failure, as the creation of this
	 * bean would have on the main thread. Returns at once when it ran on the main thread,
	 * and on the run's own thread (a migration that looks up a bean which depends on
	 * database initialization).
	 */
	public void awaitStartupMigration() {
		FutureTask<Void> task = this.run;
		if (task == null || Thread.currentThread() == this.runner) {
			return;
		}
		try {
			task.get();
		}
		catch (ExecutionException ex) {
			this.failureReported = true;
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new BeanCreationException(this.beanName, String.valueOf(ex.getCause().getMessage()), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BeanCreationException(this.beanName,
					"Interrupted while waiting for the startup migration on thread " + THREAD_NAME, ex);
		}
	}

	/** The context is refreshed only once the run has ended, and fails with it. */
	@Override
	public void afterSingletonsInstantiated() {
		awaitStartupMigration();
	}

	/**
	 * A startup that failed elsewhere closes the context: wait for the run to end (a
	 * revision is not cut off by a closed DataSource), and log its own failure, which
	 * nobody else reports.
	 */
	@Override
	public void destroy() {
		FutureTask<Void> task = this.run;
		if (task == null) {
			return;
		}
		boolean interrupted = false;
		while (true) {
			try {
				task.get();
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
			catch (ExecutionException ex) {
				if (!this.failureReported) {
					log.error("Startup migration failed", ex.getCause());
				}
				break;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private void migrateRecorded() {
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
	 * Run the strategy; {@link #afterPropertiesSet()} records it as a startup step, on
	 * this thread or in the background.
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
