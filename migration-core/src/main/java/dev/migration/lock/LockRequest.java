package dev.migration.lock;

import java.time.Duration;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.migration.sql.Dialect;

/**
 * What a run locks and how long it may wait.
 *
 * @param dataSource where a lease opens its own connections (the session locks use the
 * migrating session's connection)
 * @param dialect the dialect
 * @param url the JDBC URL (file databases lock beside the file)
 * @param schema the schema of the engine's tables, created with the lock table if missing
 * @param lockTable the lease table, schema-qualified where a schema is configured
 * @param scope what is being migrated, e.g. {@code schema.version_table}; runs on
 * different scopes do not exclude each other
 * @param timeout how long to wait, counted from the first try
 * @param lease how long a lease lasts without renewal
 * @param galera whether the database is a Galera cluster (the heartbeat then avoids open
 * transactions of the migrating session)
 */
public record LockRequest(DataSource dataSource, Dialect dialect, String url, @Nullable String schema, String lockTable,
		String scope, Duration timeout, Duration lease, boolean galera) {

	LockRequest onGalera() {
		return new LockRequest(this.dataSource, this.dialect, this.url, this.schema, this.lockTable, this.scope,
				this.timeout, this.lease, true);
	}

}
