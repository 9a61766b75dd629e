package dev.migration.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationUnit;

import dev.migration.LockMode;

/**
 * Where the version and history tables live and how migration runs are serialised. Part
 * of the flat {@code migration.*} namespace: {@link MigrationProperties} extends this
 * class, so the keys keep their names (e.g. {@code migration.schema}).
 */
public abstract class MigrationTableProperties extends MigrationConnectionProperties {

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

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
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

}
