package dev.migration.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

import dev.migration.LockMode;
import dev.migration.MigrationConfig;
import dev.migration.OnNewerDatabase;
import dev.migration.lint.LintConfig;
import dev.migration.MigrationTargets;

/**
 * Settings under {@code migration.*}. Every default equals the core's
 * ({@link MigrationConfig}); they are written as literals so that the configuration
 * processor can put them into the IDE metadata, and {@code MigrationPropertiesTests}
 * keeps them equal. {@link #toConfigBuilder()} is the one place that maps them to the
 * core configuration.
 */
@ConfigurationProperties("migration")
public class MigrationProperties {

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
	 * Locations of migration scripts and Java migrations ('classpath:' or 'filesystem:'
	 * prefixed).
	 */
	private List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));

	/**
	 * Whether a location that does not exist fails the startup (and the CLI and Maven
	 * goals). The default location 'classpath:db/migration' may be absent either way, as
	 * in an application without revisions yet; when false, a missing location is only
	 * logged.
	 */
	private boolean failOnMissingLocations = true;

	/**
	 * Schema holding the version and history tables and in which migrations run. Defaults
	 * to the connection's current schema.
	 */
	private @Nullable String schema;

	/**
	 * Name of the table holding the database's current heads.
	 */
	private String versionTable = "migration_version";

	/**
	 * Name of the append-only table logging every step ever run.
	 */
	private String historyTable = "migration_history";

	/**
	 * JDBC URL of the database to migrate when it is not the application's DataSource.
	 */
	private @Nullable String url;

	/**
	 * Login user of the database to migrate, e.g. a migration user with DDL rights. Alone
	 * (without 'url') it derives a DataSource from the application's.
	 */
	private @Nullable String user;

	/**
	 * Login password of the database to migrate.
	 */
	private @Nullable String password;

	/**
	 * Maximum time to wait for the database-level migration lock. If a duration suffix is
	 * not specified, seconds will be used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration lockTimeout = Duration.ofSeconds(60);

	/**
	 * Which lock serialises migration runs: 'session' (PostgreSQL advisory lock, MariaDB
	 * GET_LOCK, a file lock for H2/SQLite), 'table' (a lease row in a lock table beside
	 * the version table, renewed by a heartbeat), or 'auto': the table lock where a
	 * session lock excludes nothing (through a transaction-pooling PgBouncer, on a
	 * MariaDB Galera cluster), else the session lock.
	 */
	private LockMode lock = LockMode.AUTO;

	/**
	 * How long the table lock's lease lasts without renewal: a killed holder's lease is
	 * taken over after this long. The heartbeat renews it every third of it. If a
	 * duration suffix is not specified, seconds will be used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration lockLease = Duration.ofSeconds(30);

	/**
	 * Schemas to migrate in one run, each with its own version and history tables (schema
	 * per tenant). Empty: only the default schema. A MigrationTargets bean replaces it.
	 */
	private List<String> schemas = new ArrayList<>();

	/**
	 * Query whose first column lists the schemas to migrate, e.g. 'SELECT schema_name
	 * FROM tenants'. Used when 'schemas' is empty.
	 */
	private @Nullable String schemasQuery;

	/**
	 * Most connections a multi-schema run opens at once; each schema being migrated uses
	 * two (work and lock), so half as many schemas are migrated at a time.
	 */
	private int parallelism = 8;

	/**
	 * Whether the application starts although some schemas of a multi-schema run failed
	 * (they are logged and shown by the endpoint). By default a failed schema fails the
	 * startup, after every other schema was migrated.
	 */
	private boolean continueOnTenantFailure = false;

	/**
	 * Whether each revision runs in its own transaction (true) or the whole run in one
	 * (false).
	 */
	private boolean transactionPerMigration = true;

	/**
	 * Whether to fail when a script was edited after it was applied.
	 */
	private boolean validateChecksums = true;

	/**
	 * Whether a target below the database's current revision may downgrade it at startup.
	 */
	private boolean allowDowngrade = false;

	/**
	 * What startup 'upgrade' and 'validate' do when a newer build migrated the database
	 * beyond this build's scripts (revisions no script defines that descend from ones
	 * this build knows): 'warn' logs it and starts, 'fail' refuses to start. Unknown
	 * revisions that do not descend from known ones always fail.
	 */
	private OnNewerDatabase onNewerDatabase = OnNewerDatabase.WARN;

	/**
	 * Revision (or 'heads') to record first when the schema already holds objects but no
	 * version table: adopting a database built before this tool, or by another one.
	 * Without it, such a schema is refused.
	 */
	private @Nullable String baseline;

	/**
	 * Whether to migrate and then exit instead of serving (Kubernetes Job or init
	 * container). Also turns off the web server unless 'spring.main.web-application-type'
	 * is set.
	 */
	private boolean exitAfterMigrate = false;

	/**
	 * Values for '${name}' placeholders in SQL scripts, by name. '\${name}' in a script
	 * is the literal text; the built-ins '${migration:schema}', '${migration:user}' and
	 * '${migration:database}' need no entry.
	 */
	private Map<String, String> placeholders = new LinkedHashMap<>();

	/**
	 * Whether '${name}' placeholders in SQL scripts are replaced.
	 */
	private boolean placeholderReplacement = true;

	/**
	 * How often a failed connection attempt is retried (0: fail at once), for a database
	 * that is still starting; the waits double from 1s up to connect-retries-interval.
	 */
	private int connectRetries = 0;

	/**
	 * The longest wait between two connection attempts.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration connectRetriesInterval = MigrationConfig.DEFAULT_CONNECT_RETRIES_INTERVAL;

	/**
	 * Statements run on each migration connection as soon as it is opened (e.g. 'SET ROLE
	 * migrator').
	 */
	private List<String> initSqls = new ArrayList<>();

	/**
	 * Linting of the scripts for statements that lock busy tables or break running code.
	 */
	private final Lint lint = new Lint();

	/**
	 * The 'migrations' health contributor.
	 */
	private final Health health = new Health();

	/**
	 * The core configuration builder with every {@code migration.*} setting applied; the
	 * caller adds the DataSource and Java migrations.
	 * @return a new builder
	 */
	public MigrationConfig.Builder toConfigBuilder() {
		return toConfig(MigrationConfig.builder());
	}

	/**
	 * Applies every {@code migration.*} setting that the core knows to a builder.
	 * @param builder the builder to configure
	 * @return the same builder
	 */
	public MigrationConfig.Builder toConfig(MigrationConfig.Builder builder) {
		return builder.locations(this.locations)
			.failOnMissingLocations(this.failOnMissingLocations)
			.schema(this.schema)
			.versionTable(this.versionTable)
			.historyTable(this.historyTable)
			.lockTimeout(this.lockTimeout)
			.lockMode(this.lock)
			.lockLease(this.lockLease)
			.transactionPerMigration(this.transactionPerMigration)
			.validateChecksums(this.validateChecksums)
			.allowDowngrade(this.allowDowngrade)
			.onNewerDatabase(this.onNewerDatabase)
			.baseline(this.baseline)
			.placeholders(this.placeholders)
			.placeholderReplacement(this.placeholderReplacement)
			.connectRetries(this.connectRetries)
			.connectRetriesInterval(this.connectRetriesInterval)
			.initSqls(this.initSqls);
	}

	public Health getHealth() {
		return this.health;
	}

	public OnNewerDatabase getOnNewerDatabase() {
		return this.onNewerDatabase;
	}

	public void setOnNewerDatabase(OnNewerDatabase onNewerDatabase) {
		this.onNewerDatabase = onNewerDatabase;
	}

	public int getConnectRetries() {
		return this.connectRetries;
	}

	public void setConnectRetries(int connectRetries) {
		this.connectRetries = connectRetries;
	}

	public Duration getConnectRetriesInterval() {
		return this.connectRetriesInterval;
	}

	public void setConnectRetriesInterval(Duration connectRetriesInterval) {
		this.connectRetriesInterval = connectRetriesInterval;
	}

	public List<String> getInitSqls() {
		return this.initSqls;
	}

	public void setInitSqls(List<String> initSqls) {
		this.initSqls = initSqls;
	}

	public Map<String, String> getPlaceholders() {
		return this.placeholders;
	}

	public void setPlaceholders(Map<String, String> placeholders) {
		this.placeholders = placeholders;
	}

	public boolean isPlaceholderReplacement() {
		return this.placeholderReplacement;
	}

	public void setPlaceholderReplacement(boolean placeholderReplacement) {
		this.placeholderReplacement = placeholderReplacement;
	}

	public Lint getLint() {
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

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
	}

	public boolean isFailOnMissingLocations() {
		return this.failOnMissingLocations;
	}

	public void setFailOnMissingLocations(boolean failOnMissingLocations) {
		this.failOnMissingLocations = failOnMissingLocations;
	}

	public @Nullable String getSchema() {
		return this.schema;
	}

	public void setSchema(@Nullable String schema) {
		this.schema = schema;
	}

	public String getVersionTable() {
		return this.versionTable;
	}

	public void setVersionTable(String versionTable) {
		this.versionTable = versionTable;
	}

	public String getHistoryTable() {
		return this.historyTable;
	}

	public void setHistoryTable(String historyTable) {
		this.historyTable = historyTable;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUser() {
		return this.user;
	}

	public void setUser(@Nullable String user) {
		this.user = user;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public List<String> getSchemas() {
		return this.schemas;
	}

	public void setSchemas(List<String> schemas) {
		this.schemas = schemas;
	}

	public @Nullable String getSchemasQuery() {
		return this.schemasQuery;
	}

	public void setSchemasQuery(@Nullable String schemasQuery) {
		this.schemasQuery = schemasQuery;
	}

	public int getParallelism() {
		return this.parallelism;
	}

	public void setParallelism(int parallelism) {
		this.parallelism = parallelism;
	}

	public boolean isContinueOnTenantFailure() {
		return this.continueOnTenantFailure;
	}

	public void setContinueOnTenantFailure(boolean continueOnTenantFailure) {
		this.continueOnTenantFailure = continueOnTenantFailure;
	}

	/**
	 * The schemas of a multi-schema run from 'schemas' or 'schemas-query', or
	 * {@code null} when neither is set.
	 * @return the targets or {@code null}
	 */
	public @Nullable MigrationTargets toTargets() {
		if (!this.schemas.isEmpty()) {
			return MigrationTargets.of(this.schemas);
		}
		if (this.schemasQuery != null && !this.schemasQuery.isBlank()) {
			return MigrationTargets.query(this.schemasQuery);
		}
		return null;
	}

	public LockMode getLock() {
		return this.lock;
	}

	public void setLock(LockMode lock) {
		this.lock = lock;
	}

	public Duration getLockLease() {
		return this.lockLease;
	}

	public void setLockLease(Duration lockLease) {
		this.lockLease = lockLease;
	}

	public boolean isTransactionPerMigration() {
		return this.transactionPerMigration;
	}

	public void setTransactionPerMigration(boolean transactionPerMigration) {
		this.transactionPerMigration = transactionPerMigration;
	}

	public boolean isValidateChecksums() {
		return this.validateChecksums;
	}

	public void setValidateChecksums(boolean validateChecksums) {
		this.validateChecksums = validateChecksums;
	}

	public boolean isAllowDowngrade() {
		return this.allowDowngrade;
	}

	public void setAllowDowngrade(boolean allowDowngrade) {
		this.allowDowngrade = allowDowngrade;
	}

	public @Nullable String getBaseline() {
		return this.baseline;
	}

	public void setBaseline(@Nullable String baseline) {
		this.baseline = baseline;
	}

	public boolean isExitAfterMigrate() {
		return this.exitAfterMigrate;
	}

	public void setExitAfterMigrate(boolean exitAfterMigrate) {
		this.exitAfterMigrate = exitAfterMigrate;
	}

	/**
	 * {@code migration.lint.*}: which rules run, at which severity, what fails, and what
	 * happens at startup. {@link #toLintConfig()} maps them to the core's
	 * {@link LintConfig}.
	 */
	/** Settings of the 'migrations' health contributor. */
	public static class Health {

		/**
		 * Health status while the database is ahead of the target, e.g. migrated by a
		 * newer build during a rolling deploy (details list the revisions under 'ahead').
		 */
		private AheadStatus aheadStatus = AheadStatus.UP;

		public AheadStatus getAheadStatus() {
			return this.aheadStatus;
		}

		public void setAheadStatus(AheadStatus aheadStatus) {
			this.aheadStatus = aheadStatus;
		}

	}

	/** The health status reported while the database is ahead of the target. */
	public enum AheadStatus {

		/** Healthy: an older build runs on a newer schema, as in a rolling deploy. */
		UP,

		/** Out of service: take the instance out of load balancing. */
		OUT_OF_SERVICE,

		/** Down. */
		DOWN

	}

	public static class Lint {

		/**
		 * Whether to lint pending revisions before migrating at startup: 'warn' logs the
		 * findings, 'fail' also stops startup on findings at or above 'fail-on', 'off'
		 * skips linting.
		 */
		private LintOnStartup onStartup = LintOnStartup.WARN;

		/**
		 * Rule settings by rule name: 'off', 'on' (the rule's default severity), 'info',
		 * 'warning' or 'error'. Rules not listed run at their defaults.
		 */
		private Map<String, String> rules = new LinkedHashMap<>();

		/**
		 * The lowest severity that fails a lint run: 'info', 'warning', 'error' or
		 * 'none'.
		 */
		private String failOn = LintConfig.DEFAULT_FAIL_ON.toString();

		/**
		 * The server the scripts run on, for rules whose answer depends on the version,
		 * e.g. 'mariadb-10.11', 'mysql-8.0.35' or 'postgresql-16'. Default: MariaDB 10.11
		 * for MySQL-family databases, PostgreSQL 14 for PostgreSQL.
		 */
		private @Nullable String server;

		/**
		 * The core lint configuration of these settings.
		 * @return the configuration
		 * @throws dev.migration.InvalidConfigurationException naming a bad property
		 */
		public LintConfig toLintConfig() {
			return LintConfig.of(this.rules, this.failOn, this.server);
		}

		public LintOnStartup getOnStartup() {
			return this.onStartup;
		}

		public void setOnStartup(LintOnStartup onStartup) {
			this.onStartup = onStartup;
		}

		public Map<String, String> getRules() {
			return this.rules;
		}

		public void setRules(Map<String, String> rules) {
			this.rules = rules;
		}

		public String getFailOn() {
			return this.failOn;
		}

		public void setFailOn(String failOn) {
			this.failOn = failOn;
		}

		public @Nullable String getServer() {
			return this.server;
		}

		public void setServer(@Nullable String server) {
			this.server = server;
		}

	}

	/**
	 * What lint does at startup.
	 */
	public enum LintOnStartup {

		/**
		 * Log the findings of pending revisions as warnings (the default).
		 */
		WARN,

		/**
		 * Log them and stop startup when one reaches 'migration.lint.fail-on'.
		 */
		FAIL,

		/**
		 * Do not lint at startup.
		 */
		OFF

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
