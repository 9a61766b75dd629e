package dev.migration;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.migration.sql.Dialect;

/**
 * Everything the engine needs to know, validated once when built. Build with
 * {@link #builder()}; every setting has the default the Spring starter documents.
 */
public final class MigrationConfig {

	/** Default script location. */
	public static final String DEFAULT_LOCATION = "classpath:db/migration";

	/** Default version table name. */
	public static final String DEFAULT_VERSION_TABLE = "migration_version";

	/** Default history table name. */
	public static final String DEFAULT_HISTORY_TABLE = "migration_history";

	/** Default time to wait for the database lock. */
	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

	/** Default lock kind. */
	public static final LockMode DEFAULT_LOCK_MODE = LockMode.AUTO;

	/** Default lease of the table lock. */
	public static final Duration DEFAULT_LOCK_LEASE = Duration.ofSeconds(30);

	/** Default longest wait between two connection attempts. */
	public static final Duration DEFAULT_CONNECT_RETRIES_INTERVAL = Duration.ofSeconds(120);

	private final @Nullable DataSource dataSource;

	private final @Nullable Dialect dialect;

	private final List<String> locations;

	private final ClassLoader classLoader;

	private final List<Migration> migrations;

	private final @Nullable String schema;

	private final String versionTable;

	private final String historyTable;

	private final Duration lockTimeout;

	private final LockMode lockMode;

	private final Duration lockLease;

	private final boolean transactionPerMigration;

	private final boolean validateChecksums;

	private final boolean allowDowngrade;

	private final OnNewerDatabase onNewerDatabase;

	private final boolean failOnMissingLocations;

	private final @Nullable String baseline;

	private final MigrationListener listener;

	private final Map<String, String> placeholders;

	private final boolean placeholderReplacement;

	private final int connectRetries;

	private final Duration connectRetriesInterval;

	private final List<String> initSqls;

	MigrationConfig(MigrationConfigBuilder builder) {
		this.dataSource = builder.dataSource;
		this.dialect = builder.dialect;
		this.locations = List.copyOf(builder.locations);
		this.classLoader = (builder.classLoader != null) ? builder.classLoader : defaultClassLoader();
		this.migrations = List.copyOf(builder.migrations);
		this.schema = (builder.schema == null || builder.schema.isBlank()) ? null
				: Dialect.checkIdentifier("migration.schema", builder.schema);
		this.versionTable = Dialect.checkIdentifier("migration.version-table",
				requireName("versionTable", builder.versionTable));
		this.historyTable = Dialect.checkIdentifier("migration.history-table",
				requireName("historyTable", builder.historyTable));
		this.lockTimeout = Objects.requireNonNull(builder.lockTimeout, "lockTimeout");
		if (this.lockTimeout.isNegative()) {
			throw new InvalidConfigurationException("lockTimeout",
					"must not be negative (was " + this.lockTimeout + ")");
		}
		this.lockMode = Objects.requireNonNull(builder.lockMode, "lockMode");
		this.lockLease = Objects.requireNonNull(builder.lockLease, "lockLease");
		if (this.lockLease.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new InvalidConfigurationException("lockLease",
					"must be at least 1s, so the heartbeat can renew it in time (was " + this.lockLease + ")");
		}
		this.transactionPerMigration = builder.transactionPerMigration;
		this.validateChecksums = builder.validateChecksums;
		this.allowDowngrade = builder.allowDowngrade;
		this.onNewerDatabase = Objects.requireNonNull(builder.onNewerDatabase, "onNewerDatabase");
		this.failOnMissingLocations = builder.failOnMissingLocations;
		this.baseline = (builder.baseline == null || builder.baseline.isBlank()) ? null : builder.baseline.strip();
		this.listener = Objects.requireNonNull(builder.listener, "listener");
		this.placeholders = Collections.unmodifiableMap(new LinkedHashMap<>(builder.placeholders));
		this.placeholderReplacement = builder.placeholderReplacement;
		if (builder.connectRetries < 0) {
			throw new InvalidConfigurationException("connectRetries",
					"must not be negative (was " + builder.connectRetries + ")");
		}
		this.connectRetries = builder.connectRetries;
		this.connectRetriesInterval = Objects.requireNonNull(builder.connectRetriesInterval, "connectRetriesInterval");
		if (this.connectRetriesInterval.isNegative() || this.connectRetriesInterval.isZero()) {
			throw new InvalidConfigurationException("connectRetriesInterval",
					"must be positive (was " + this.connectRetriesInterval + ")");
		}
		this.initSqls = List.copyOf(builder.initSqls);
		if (this.locations.isEmpty() && this.migrations.isEmpty()) {
			throw new InvalidConfigurationException("locations", "must name at least one location");
		}
		if (this.versionTable.equalsIgnoreCase(this.historyTable)) {
			throw new InvalidConfigurationException("historyTable",
					"must differ from versionTable (both are '" + this.versionTable + "')");
		}
	}

	private static String requireName(String property, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidConfigurationException(property, "must not be empty");
		}
		return value;
	}

	private static ClassLoader defaultClassLoader() {
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		return (loader != null) ? loader : MigrationConfig.class.getClassLoader();
	}

	public static MigrationConfigBuilder builder() {
		return new MigrationConfigBuilder();
	}

	public MigrationConfigBuilder toBuilder() {
		return new MigrationConfigBuilder().dataSource(this.dataSource)
			.dialect(this.dialect)
			.locations(this.locations)
			.classLoader(this.classLoader)
			.migrations(this.migrations)
			.schema(this.schema)
			.versionTable(this.versionTable)
			.historyTable(this.historyTable)
			.lockTimeout(this.lockTimeout)
			.lockMode(this.lockMode)
			.lockLease(this.lockLease)
			.transactionPerMigration(this.transactionPerMigration)
			.validateChecksums(this.validateChecksums)
			.allowDowngrade(this.allowDowngrade)
			.onNewerDatabase(this.onNewerDatabase)
			.failOnMissingLocations(this.failOnMissingLocations)
			.baseline(this.baseline)
			.listener(this.listener)
			.placeholders(this.placeholders)
			.placeholderReplacement(this.placeholderReplacement)
			.connectRetries(this.connectRetries)
			.connectRetriesInterval(this.connectRetriesInterval)
			.initSqls(this.initSqls);
	}

	/** The database, or {@code null} for offline use. */
	public @Nullable DataSource dataSource() {
		return this.dataSource;
	}

	/** The dialect when set explicitly; otherwise detected from the connection. */
	public @Nullable Dialect dialect() {
		return this.dialect;
	}

	public List<String> locations() {
		return this.locations;
	}

	public ClassLoader classLoader() {
		return this.classLoader;
	}

	/**
	 * Java migrations passed directly (Spring beans), in addition to those found in
	 * locations.
	 */
	public List<Migration> migrations() {
		return this.migrations;
	}

	public @Nullable String schema() {
		return this.schema;
	}

	public String versionTable() {
		return this.versionTable;
	}

	public String historyTable() {
		return this.historyTable;
	}

	/**
	 * The table that records the format of the tool's tables, named after the history
	 * table ({@code <history-table>_format}); the tool owns it like the other two.
	 * @return the table name
	 */
	public String formatTable() {
		return this.historyTable + "_format";
	}

	public Duration lockTimeout() {
		return this.lockTimeout;
	}

	/**
	 * Which lock serialises runs: session lock, lease table, or chosen by the database.
	 */
	public LockMode lockMode() {
		return this.lockMode;
	}

	/**
	 * How long the table lock's lease lasts without renewal; the heartbeat renews it
	 * every third of it, and another run takes it over only after it expired.
	 */
	public Duration lockLease() {
		return this.lockLease;
	}

	/**
	 * {@code true}: one transaction per revision; {@code false}: one for the whole run.
	 */
	public boolean transactionPerMigration() {
		return this.transactionPerMigration;
	}

	public boolean validateChecksums() {
		return this.validateChecksums;
	}

	public boolean allowDowngrade() {
		return this.allowDowngrade;
	}

	/**
	 * What an upgrade does when a newer build migrated the database beyond this build's
	 * scripts.
	 * @return the policy, {@link OnNewerDatabase#WARN} by default
	 */
	public OnNewerDatabase onNewerDatabase() {
		return this.onNewerDatabase;
	}

	/**
	 * Whether a location that does not exist is an error ({@code true}) or only logged.
	 * The default location ({@link #DEFAULT_LOCATION}) may always be absent: an
	 * application without revisions yet has none.
	 */
	public boolean failOnMissingLocations() {
		return this.failOnMissingLocations;
	}

	/**
	 * The revision an upgrade stamps first when the version table does not exist yet but
	 * the schema already holds objects (adopting an existing database); {@code null} to
	 * refuse such a database instead.
	 */
	public @Nullable String baseline() {
		return this.baseline;
	}

	/** Told about each revision as it completes (progress reporting). */
	public MigrationListener listener() {
		return this.listener;
	}

	/**
	 * Values for {@code ${name}} in SQL scripts, by name (built-ins such as
	 * {@code ${migration:schema}} are not in here).
	 */
	public Map<String, String> placeholders() {
		return this.placeholders;
	}

	/**
	 * Whether {@code ${name}} in SQL scripts is replaced (see {@link #placeholders()}).
	 */
	public boolean placeholderReplacement() {
		return this.placeholderReplacement;
	}

	/**
	 * How often a failed connection attempt is retried (0: fail at once), waiting 1s, 2s,
	 * 4s, ... up to {@link #connectRetriesInterval()} between attempts.
	 */
	public int connectRetries() {
		return this.connectRetries;
	}

	/** The longest wait between two connection attempts. */
	public Duration connectRetriesInterval() {
		return this.connectRetriesInterval;
	}

	/** Statements run on each migration connection as soon as it is opened. */
	public List<String> initSqls() {
		return this.initSqls;
	}

}
