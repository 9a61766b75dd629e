package dev.migration.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.migration.sql.Dialect;

/**
 * The one place that decides between running SQL and printing it. Every statement of a
 * run goes here: script statements, what Java migrations execute, version-table writes
 * and history rows, so that offline mode prints exactly what an online run executes.
 * Implementations are {@link JdbcSink} and {@link ScriptSink}.
 */
abstract class SqlSink {

	private final Dialect dialect;

	/** Whether a transaction is open (online) or has been opened in the script. */
	boolean inTransaction;

	SqlSink(Dialect dialect) {
		this.dialect = dialect;
	}

	final Dialect dialect() {
		return this.dialect;
	}

	/**
	 * Whether statements are printed rather than executed.
	 * @return {@code true} for offline SQL
	 */
	abstract boolean isOffline();

	/**
	 * The connection, online only.
	 * @return the connection, {@code null} offline
	 */
	abstract @Nullable Connection connection();

	/**
	 * Run (or print) one statement taken verbatim from a script or a Java migration.
	 * @param sql the statement without its delimiter
	 * @throws SQLException from the database
	 */
	abstract void execute(String sql) throws SQLException;

	/**
	 * Run (or print) a parameterised statement of the engine's own (version and history
	 * tables). Offline, parameters are rendered as literals, and an {@link Instant} as
	 * the database's current time.
	 * @param sql the statement with {@code ?} placeholders
	 * @param params the values
	 * @return the update count, or {@code -1} offline
	 * @throws SQLException from the database
	 */
	abstract int update(String sql, @Nullable Object... params) throws SQLException;

	/**
	 * A batch for statements that can share one round trip, on this sink's connection.
	 * @return the batch, {@code null} where statements go one by one (offline, and
	 * databases where a batch saves nothing or cannot keep the guarantees)
	 */
	@Nullable Batch batch() {
		return null;
	}

	/**
	 * A comment for offline SQL (online: nothing).
	 * @param text the comment text, one line
	 */
	abstract void comment(String text);

	/**
	 * Start a transaction (online: auto-commit off; offline: {@code BEGIN} where the
	 * dialect has transactional DDL).
	 * @throws SQLException from the database
	 */
	abstract void begin() throws SQLException;

	/**
	 * Commit the transaction begun with {@link #begin()} and return to auto-commit.
	 * @throws SQLException from the database
	 */
	abstract void commit() throws SQLException;

	/**
	 * Commit what the transaction begun with {@link #begin()} holds and go on in a new
	 * one, without returning to auto-commit in between.
	 * @throws SQLException from the database
	 */
	void commitAndContinue() throws SQLException {
		commit();
		begin();
	}

	/**
	 * The transaction begun with {@link #begin()} was committed by a {@link Batch} that
	 * ended with {@code COMMIT}: return to auto-commit without another round trip.
	 * @throws SQLException from the database
	 */
	void committedByBatch() throws SQLException {
		this.inTransaction = false;
	}

	/**
	 * Roll back the current transaction, if any, and return to auto-commit. Never throws:
	 * it runs while another failure is being reported.
	 * @return the rollback's own failure, if any
	 */
	abstract @Nullable SQLException rollback();

	/**
	 * Roll back after a failure, which the caller then throws: a failure of the rollback
	 * itself goes with it as a suppressed exception.
	 * @param failure the failure being reported
	 */
	final void rollbackAfter(Exception failure) {
		SQLException rollbackFailure = rollback();
		if (rollbackFailure != null) {
			failure.addSuppressed(rollbackFailure);
		}
	}

	/**
	 * Whether a transaction begun with {@link #begin()} is open.
	 * @return whether in a transaction
	 */
	final boolean inTransaction() {
		return this.inTransaction;
	}

}
