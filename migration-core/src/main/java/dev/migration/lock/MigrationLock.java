package dev.migration.lock;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import org.slf4j.LoggerFactory;

import dev.migration.LockMode;
import dev.migration.LockTimeoutException;
import dev.migration.sql.Dialect;

/**
 * The database-level lock that serialises migration runs, held for a whole run. Every
 * implementation dies with its holder: session locks end with the connection, file locks
 * with the process, so a killed migrator never leaves a lock behind.
 * <ul>
 * <li>PostgreSQL: a session advisory lock, taken by polling {@code pg_try_advisory_lock}
 * on the migrating session's own connection, in auto-commit. A session lock outlives the
 * run's commits, rollbacks and DDL, and held in auto-commit it leaves no transaction
 * open, so the holder's own {@code CREATE INDEX CONCURRENTLY} does not wait for it. Never
 * a blocking or transaction-scoped lock: {@code CREATE INDEX CONCURRENTLY} waits for
 * every open transaction, including a waiter's blocked lock call, and would deadlock with
 * it.</li>
 * <li>MariaDB/MySQL: {@code GET_LOCK} with no wait, polled on the migrating session's
 * connection; it too survives commits and DDL's implicit commits.</li>
 * <li>H2 and SQLite: an in-JVM lock plus, for a database file, an OS file lock on
 * {@code <database file>.migration.lock}. These databases serve one process (or their own
 * file locking coordinates processes), so an OS lock beside the file is what all
 * processes that can open it share, and the OS drops it when the process dies.</li>
 * </ul>
 * With {@code migration.lock=table} (chosen by {@code auto} through a transaction-pooling
 * PgBouncer and on Galera) it is instead a lease row in a lock table beside the version
 * table, which a killed holder stops renewing so that it expires (see
 * {@code TableLease}).
 */
public interface MigrationLock extends AutoCloseable {

	/**
	 * What this lock is, for logs and messages.
	 * @return a description
	 */
	String description();

	/**
	 * Check, in the transaction that writes the version table, that this run still holds
	 * the lock; a session lock cannot be lost while its session lives, so by default
	 * nothing.
	 * @param connection the step's connection, inside its transaction
	 * @param versionTable the version table, for the message
	 * @throws SQLException from the database
	 * @throws dev.migration.LockLostException when another run took the lock over
	 */
	default void fence(Connection connection, String versionTable) throws SQLException {
	}

	/**
	 * Whether {@link #fence} checks anything: a session lock's does not, so the
	 * version-table write can go in the same round trip as the revision's statements.
	 * @return whether the lock fences
	 */
	default boolean fences() {
		return false;
	}

	/** Release the lock; never throws. */
	@Override
	void close();

	/**
	 * Take the lock, waiting at most {@code timeout}. On a server database the lock is
	 * held by {@code session}, which must be in auto-commit; {@link #close()} gives it
	 * back and leaves the connection open (it may belong to the application's pool).
	 * @param session the connection that takes and holds a session lock (server
	 * databases); file databases do not use it
	 * @param dialect the dialect
	 * @param url the JDBC URL of the database (file databases lock beside the file)
	 * @param scope what is being migrated, e.g. {@code schema.version_table}; runs on
	 * different scopes do not exclude each other
	 * @param timeout how long to wait
	 * @return the held lock
	 * @throws LockTimeoutException when the wait times out
	 */
	static MigrationLock acquire(Connection session, Dialect dialect, String url, String scope, Duration timeout) {
		return switch (dialect) {
			case POSTGRESQL -> PostgresAdvisoryLock.acquire(session, scope, timeout);
			case MYSQL -> MysqlNamedLock.acquire(session, scope, timeout);
			case H2, SQLITE -> FileDatabaseLock.acquire(dialect, url, scope, timeout);
		};
	}

	/**
	 * Take the lock of the given mode; {@link LockMode#AUTO} takes the lease table where
	 * a session lock would exclude nothing (a transaction-pooling PgBouncer, a Galera
	 * node) and the session lock elsewhere.
	 * @param request what to lock
	 * @param mode the configured mode
	 * @param session the migrating session's connection (auto-commit): probed, and the
	 * holder of a session lock
	 * @param gate entered by that session around its transactions (the lease's heartbeat
	 * keeps out of them on Galera)
	 * @return the held lock
	 * @throws LockTimeoutException when the wait times out
	 */
	static MigrationLock acquire(LockRequest request, LockMode mode, Connection session, TransactionGate gate) {
		LockRequest effective = request;
		LockMode chosen = mode;
		if (mode != LockMode.SESSION && request.dialect() == Dialect.MYSQL) {
			try {
				effective = SessionSafety.galera(session) ? request.onGalera() : request;
			}
			catch (SQLException ex) {
				// not MariaDB: MySQL has no wsrep variables
			}
		}
		if (mode == LockMode.AUTO) {
			String unsafe = effective.galera() ? "the server is a Galera cluster node (wsrep_on = ON)"
					: SessionSafety.unsafeBecause(session, request.dialect());
			chosen = (unsafe != null) ? LockMode.TABLE : LockMode.SESSION;
			if (unsafe != null) {
				LoggerFactory.getLogger(MigrationLock.class)
					.info("Locking with a lease in {}: a session lock is unsafe here because {}", request.lockTable(),
							unsafe);
			}
		}
		if (chosen == LockMode.TABLE) {
			return TableLease.acquire(effective, gate);
		}
		return acquire(session, request.dialect(), request.url(), request.scope(), request.timeout());
	}

}
