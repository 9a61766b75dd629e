package dev.migration.lock;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.MigrationException;

/**
 * A lock held by a session of its own: taken on a dedicated connection in auto-commit,
 * released by the database at the latest when that connection ends.
 */
abstract class ConnectionLock implements MigrationLock {

	private static final Logger log = LoggerFactory.getLogger(ConnectionLock.class);

	final Connection connection;

	private final String description;

	ConnectionLock(Connection connection, String description) {
		this.connection = connection;
		this.description = description;
	}

	/**
	 * Open the dedicated connection and take the lock on it; the connection is closed
	 * again when taking fails.
	 * @param dataSource where the connection comes from
	 * @param description the lock, for messages
	 * @param taker takes the lock on the connection or throws
	 * @return the held lock
	 */
	static MigrationLock acquire(DataSource dataSource, String description, Taker taker) {
		Connection connection = null;
		try {
			connection = dataSource.getConnection();
			connection.setAutoCommit(true);
			return taker.take(connection);
		}
		catch (SQLException ex) {
			closeQuietly(connection);
			throw new MigrationException("Cannot take the migration lock (" + description + "): " + ex.getMessage(),
					ex);
		}
		catch (RuntimeException ex) {
			closeQuietly(connection);
			throw ex;
		}
	}

	/** Takes the lock on the dedicated connection. */
	@FunctionalInterface
	interface Taker {

		MigrationLock take(Connection connection) throws SQLException;

	}

	/**
	 * Give the lock back on {@link #connection}.
	 * @throws SQLException from the database
	 */
	abstract void release() throws SQLException;

	@Override
	public String description() {
		return this.description;
	}

	@Override
	public void close() {
		try {
			release();
		}
		catch (SQLException ex) {
			// the lock ends with the session at the latest
			log.warn("Could not release {}: {}", this.description, ex.getMessage());
		}
		closeQuietly(this.connection);
	}

	private static void closeQuietly(@Nullable Connection connection) {
		if (connection == null) {
			return;
		}
		try {
			connection.close();
		}
		catch (SQLException ex) {
			log.debug("Closing the lock connection failed: {}", ex.getMessage());
		}
	}

}
