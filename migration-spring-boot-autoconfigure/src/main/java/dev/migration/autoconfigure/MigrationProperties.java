package dev.migration.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

import dev.migration.MigrationConfig;
import dev.migration.MigrationConfigBuilder;

/**
 * Settings under {@code migration.*}. Every default equals the core's
 * ({@link MigrationConfig}); they are written as literals so that the configuration
 * processor can put them into the IDE metadata, and {@code MigrationPropertiesTests}
 * keeps them equal. {@link #toConfigBuilder()} is the one place that maps them to the
 * core configuration.
 * <p>
 * The keys are flat ({@code migration.url}, {@code migration.lock-timeout}) but written
 * by group: this class holds what the application does at startup, and inherits
 * {@link MigrationTenantProperties} (schemas of a multi-schema run),
 * {@link MigrationScriptProperties} (which scripts run and how),
 * {@link MigrationTableProperties} (version and history tables, lock) and
 * {@link MigrationConnectionProperties} (connection). {@code migration.lint.*} and
 * {@code migration.health.*} are {@link MigrationLintProperties} and
 * {@link MigrationHealthProperties}. A new key goes into its group's class and into
 * {@link #toConfig(MigrationConfigBuilder)}.
 */
@ConfigurationProperties("migration")
public class MigrationProperties extends MigrationTenantProperties {

	/**
	 * Whether to enable the migration engine. When false no migration bean is created at
	 * all.
	 */
	private boolean enabled = true;

	/**
	 * What to do with the database when the application starts.
	 */
	private OnStartup onStartup = OnStartup.UPGRADE;

	/**
	 * Revision identifier to migrate to at startup: 'heads', 'head', a revision id or
	 * unique prefix, 'label@head', ...
	 */
	private String target = "heads";

	/**
	 * Whether the startup migration runs on a thread of its own while the context creates
	 * the beans that do not depend on database initialization. Those that do (JPA,
	 * JdbcTemplate, JdbcClient, @DependsOnDatabaseInitialization) wait for it, and the
	 * context is refreshed only once it has ended. False runs it on the main thread, for
	 * beans that read the database in their constructor without depending on database
	 * initialization.
	 */
	private boolean startupInBackground = true;

	/**
	 * Whether to migrate and then exit instead of serving (Kubernetes Job or init
	 * container). Also turns off the web server unless 'spring.main.web-application-type'
	 * is set.
	 */
	private boolean exitAfterMigrate = false;

	/**
	 * Linting of the scripts for statements that lock busy tables or break running code.
	 */
	@NestedConfigurationProperty
	private final MigrationLintProperties lint = new MigrationLintProperties();

	/**
	 * The 'migrations' health contributor.
	 */
	@NestedConfigurationProperty
	private final MigrationHealthProperties health = new MigrationHealthProperties();

	/**
	 * The core configuration builder with every {@code migration.*} setting applied; the
	 * caller adds the DataSource and Java migrations.
	 * @return a new builder
	 */
	public MigrationConfigBuilder toConfigBuilder() {
		return toConfig(MigrationConfig.builder());
	}

	/**
	 * Applies every {@code migration.*} setting that the core knows to a builder.
	 * @param builder the builder to configure
	 * @return the same builder
	 */
	public MigrationConfigBuilder toConfig(MigrationConfigBuilder builder) {
		return builder.locations(getLocations())
			.failOnMissingLocations(isFailOnMissingLocations())
			.schema(getSchema())
			.versionTable(getVersionTable())
			.historyTable(getHistoryTable())
			.lockTimeout(getLockTimeout())
			.lockMode(getLock())
			.lockLease(getLockLease())
			.transactionPerMigration(isTransactionPerMigration())
			.validateChecksums(isValidateChecksums())
			.allowDowngrade(isAllowDowngrade())
			.onNewerDatabase(getOnNewerDatabase())
			.baseline(getBaseline())
			.placeholders(getPlaceholders())
			.placeholderReplacement(isPlaceholderReplacement())
			.connectRetries(getConnectRetries())
			.connectRetriesInterval(getConnectRetriesInterval())
			.initSqls(getInitSqls());
	}

	public MigrationHealthProperties getHealth() {
		return this.health;
	}

	public MigrationLintProperties getLint() {
		return this.lint;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public OnStartup getOnStartup() {
		return this.onStartup;
	}

	public void setOnStartup(OnStartup onStartup) {
		this.onStartup = onStartup;
	}

	public String getTarget() {
		return this.target;
	}

	public void setTarget(String target) {
		this.target = target;
	}

	public boolean isStartupInBackground() {
		return this.startupInBackground;
	}

	public void setStartupInBackground(boolean startupInBackground) {
		this.startupInBackground = startupInBackground;
	}

	public boolean isExitAfterMigrate() {
		return this.exitAfterMigrate;
	}

	public void setExitAfterMigrate(boolean exitAfterMigrate) {
		this.exitAfterMigrate = exitAfterMigrate;
	}

	/**
	 * What happens to the database at startup.
	 */
	public enum OnStartup {

		/**
		 * Migrate to the target (the default).
		 */
		UPGRADE,

		/**
		 * Leave the database untouched and fail startup unless it is exactly at the
		 * target with no drifted or unknown revisions.
		 */
		VALIDATE,

		/**
		 * Do nothing at startup.
		 */
		NONE

	}

}
