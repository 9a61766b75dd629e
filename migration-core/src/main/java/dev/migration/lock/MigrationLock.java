package dev.migration.lock;

import java.time.Duration;

import javax.sql.DataSource;

import dev.migration.LockTimeoutException;
import dev.migration.sql.Dialect;

/**
 * The database-level lock that serialises migration runs, held for a whole run. Every
 * implementation dies with its holder: session locks end with the connection, file locks
 * with the process, so a killed migrator never leaves a lock behind.
 * <ul>
 * <li>PostgreSQL: a session advisory lock, taken by polling {@code pg_try_advisory_lock}
 * on a dedicated connection. Never a blocking or transaction-scoped lock: the holder runs
 * {@code CREATE INDEX CONCURRENTLY} on another connection, which waits for every open
 * transaction, including a waiter's blocked lock call, and would deadlock with it.</li>
 * <li>MariaDB/MySQL: {@code GET_LOCK} with no wait, polled on a dedicated
 * connection.</li>
 * <li>H2 and SQLite: an in-JVM lock plus, for a database file, an OS file lock on
 * {@code <database file>.migration.lock}. These databases serve one process (or their own
 * file locking coordinates processes), so an OS lock beside the file is what all
 * processes that can open it share, and the OS drops it when the process dies.</li>
 * </ul>
 */
public interface MigrationLock extends AutoCloseable {

	/**
	 * What this lock is, for logs and messages.
	 * @return a description
	 */
	String description();

	/** Release the lock; never throws. */
	@Override
	void close();

	/**
	 * Take the lock, waiting at most {@code timeout}.
	 * @param dataSource where to open the dedicated lock connection (server databases)
	 * @param dialect the dialect
	 * @param url the JDBC URL of the database (file databases lock beside the file)
	 * @param scope what is being migrated, e.g. {@code schema.version_table}; runs on
	 * different scopes do not exclude each other
	 * @param timeout how long to wait
	 * @return the held lock
	 * @throws LockTimeoutException when the wait times out
	 */
	static MigrationLock acquire(DataSource dataSource, Dialect dialect, String url, String scope, Duration timeout) {
		return switch (dialect) {
			case POSTGRESQL -> PostgresAdvisoryLock.acquire(dataSource, scope, timeout);
			case MYSQL -> MysqlNamedLock.acquire(dataSource, scope, timeout);
			case H2, SQLITE -> FileDatabaseLock.acquire(dialect, url, scope, timeout);
		};
	}

}
