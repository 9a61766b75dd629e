package dev.migration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.migration.sql.Dialect;

/**
 * Builds a {@link MigrationConfig}: {@link MigrationConfig#builder()} starts with every
 * default, {@link MigrationConfig#toBuilder()} with a configuration's settings, and
 * {@link #build()} validates them once.
 */
public final class MigrationConfigBuilder {

	@Nullable DataSource dataSource;

	@Nullable Dialect dialect;

	List<String> locations = new ArrayList<>(List.of(MigrationConfig.DEFAULT_LOCATION));

	@Nullable ClassLoader classLoader;

	List<Migration> migrations = new ArrayList<>();

	@Nullable String schema;

	String versionTable = MigrationConfig.DEFAULT_VERSION_TABLE;

	String historyTable = MigrationConfig.DEFAULT_HISTORY_TABLE;

	Duration lockTimeout = MigrationConfig.DEFAULT_LOCK_TIMEOUT;

	LockMode lockMode = MigrationConfig.DEFAULT_LOCK_MODE;

	Duration lockLease = MigrationConfig.DEFAULT_LOCK_LEASE;

	boolean transactionPerMigration = true;

	boolean validateChecksums = true;

	boolean allowDowngrade = false;

	OnNewerDatabase onNewerDatabase = OnNewerDatabase.WARN;

	boolean failOnMissingLocations = true;

	@Nullable String baseline;

	MigrationListener listener = MigrationListener.NONE;

	Map<String, String> placeholders = new LinkedHashMap<>();

	boolean placeholderReplacement = true;

	int connectRetries = 0;

	Duration connectRetriesInterval = MigrationConfig.DEFAULT_CONNECT_RETRIES_INTERVAL;

	List<String> initSqls = new ArrayList<>();

	MigrationConfigBuilder() {
	}

	public MigrationConfigBuilder dataSource(@Nullable DataSource dataSource) {
		this.dataSource = dataSource;
		return this;
	}

	public MigrationConfigBuilder dialect(@Nullable Dialect dialect) {
		this.dialect = dialect;
		return this;
	}

	public MigrationConfigBuilder locations(List<String> locations) {
		this.locations = new ArrayList<>(locations);
		return this;
	}

	public MigrationConfigBuilder locations(String... locations) {
		return locations(List.of(locations));
	}

	public MigrationConfigBuilder classLoader(@Nullable ClassLoader classLoader) {
		this.classLoader = classLoader;
		return this;
	}

	public MigrationConfigBuilder migrations(List<? extends Migration> migrations) {
		this.migrations = new ArrayList<>(migrations);
		return this;
	}

	public MigrationConfigBuilder schema(@Nullable String schema) {
		this.schema = schema;
		return this;
	}

	public MigrationConfigBuilder versionTable(String versionTable) {
		this.versionTable = versionTable;
		return this;
	}

	public MigrationConfigBuilder historyTable(String historyTable) {
		this.historyTable = historyTable;
		return this;
	}

	public MigrationConfigBuilder lockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
		return this;
	}

	public MigrationConfigBuilder lockMode(LockMode lockMode) {
		this.lockMode = lockMode;
		return this;
	}

	public MigrationConfigBuilder lockLease(Duration lockLease) {
		this.lockLease = lockLease;
		return this;
	}

	public MigrationConfigBuilder transactionPerMigration(boolean transactionPerMigration) {
		this.transactionPerMigration = transactionPerMigration;
		return this;
	}

	public MigrationConfigBuilder validateChecksums(boolean validateChecksums) {
		this.validateChecksums = validateChecksums;
		return this;
	}

	public MigrationConfigBuilder onNewerDatabase(OnNewerDatabase onNewerDatabase) {
		this.onNewerDatabase = onNewerDatabase;
		return this;
	}

	public MigrationConfigBuilder allowDowngrade(boolean allowDowngrade) {
		this.allowDowngrade = allowDowngrade;
		return this;
	}

	public MigrationConfigBuilder failOnMissingLocations(boolean failOnMissingLocations) {
		this.failOnMissingLocations = failOnMissingLocations;
		return this;
	}

	public MigrationConfigBuilder baseline(@Nullable String baseline) {
		this.baseline = baseline;
		return this;
	}

	public MigrationConfigBuilder listener(MigrationListener listener) {
		this.listener = listener;
		return this;
	}

	public MigrationConfigBuilder placeholders(Map<String, String> placeholders) {
		this.placeholders = new LinkedHashMap<>(placeholders);
		return this;
	}

	public MigrationConfigBuilder placeholderReplacement(boolean placeholderReplacement) {
		this.placeholderReplacement = placeholderReplacement;
		return this;
	}

	public MigrationConfigBuilder connectRetries(int connectRetries) {
		this.connectRetries = connectRetries;
		return this;
	}

	public MigrationConfigBuilder connectRetriesInterval(Duration connectRetriesInterval) {
		this.connectRetriesInterval = connectRetriesInterval;
		return this;
	}

	public MigrationConfigBuilder initSqls(List<String> initSqls) {
		this.initSqls = new ArrayList<>(initSqls);
		return this;
	}

	public MigrationConfig build() {
		return new MigrationConfig(this);
	}

}
