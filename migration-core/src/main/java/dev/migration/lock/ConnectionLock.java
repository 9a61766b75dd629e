package dev.migration.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.MigrationException;

/**
 * A session lock taken on the migrating session's own connection, in auto-commit: it
 * outlives the run's commits and rollbacks and costs no second connection. Giving it back
 * leaves the connection open, since it may belong to the application's pool.
 * <p>
 * When the lock cannot be given back, closing the connection is not enough: a pool would
 * take the physical connection back and hand it out again still holding the lock, and
 * every later run would wait for it until the pool retires that connection. So the
 * connection is then {@linkplain Connection#abort aborted}: that ends the physical
 * session, the database drops the lock with it, and a pool sees a closed connection and
 * discards it instead of reusing it.
 */
abstract class ConnectionLock extends HeldLock {

	private static final Logger log = LoggerFactory.getLogger(ConnectionLock.class);

	final Connection connection;

	private boolean released;

	ConnectionLock(Connection connection, String description) {
		super(description);
		this.connection = connection;
	}

	/**
	 * Take the lock on the session's connection.
	 * @param connection the session's connection, in auto-commit
	 * @param description the lock, for messages
	 * @param taker takes the lock on the connection or throws
	 * @return the held lock
	 */
	static MigrationLock acquire(Connection connection, String description, Taker taker) {
		try {
			if (!connection.getAutoCommit()) {
				// a session lock taken in a transaction would keep that transaction open
				// for the run, and CREATE INDEX CONCURRENTLY waits for it
				throw new IllegalArgumentException(
						"The migration lock (" + description + ") must be taken on a connection in auto-commit");
			}
			return taker.take(connection);
		}
		catch (SQLException ex) {
			throw new MigrationException("Cannot take the migration lock (" + description + "): " + ex.getMessage(),
					ex);
		}
	}

	/** Takes the lock on the session's connection. */
	@FunctionalInterface
	interface Taker {

		MigrationLock take(Connection connection) throws SQLException;

	}

	/**
	 * Give the lock back; first ends a transaction a failed run left open (an aborted
	 * PostgreSQL transaction refuses every statement, the unlock too).
	 */
	@Override
	final void release() throws SQLException {
		if (!this.connection.getAutoCommit()) {
			this.connection.rollback();
			this.connection.setAutoCommit(true);
		}
		unlock();
		this.released = true;
	}

	/**
	 * Give the lock back on {@link #connection}, which is in auto-commit.
	 * @throws SQLException from the database
	 */
	abstract void unlock() throws SQLException;

	@Override
	void letGo() {
		if (this.released) {
			return;
		}
		log.warn("Ending the connection that holds {}, so that the database drops the lock with the session and "
				+ "no pool hands the connection out again still holding it", description());
		try {
			this.connection.abort(Runnable::run);
		}
		catch (SQLException | RuntimeException ex) {
			log.warn("Could not abort the connection that holds {} ({}): closing it", description(), ex.getMessage());
			try {
				this.connection.close();
			}
			catch (SQLException closing) {
				log.debug("Closing the connection failed: {}", closing.getMessage());
			}
		}
	}

	/**
	 * Run a statement of one parameter on {@link #connection}.
	 * @param sql the statement
	 * @param parameter its parameter
	 * @throws SQLException from the database
	 */
	void run(String sql, Object parameter) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			statement.setObject(1, parameter);
			statement.execute();
		}
	}

	/**
	 * Ask whether a query of one parameter answers true: the first column of its first
	 * row, {@code false} when it returns none.
	 * @param connection the connection
	 * @param sql the query
	 * @param parameter its parameter
	 * @return the answer
	 * @throws SQLException from the database
	 */
	static boolean ask(Connection connection, String sql, Object parameter) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setObject(1, parameter);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

}
