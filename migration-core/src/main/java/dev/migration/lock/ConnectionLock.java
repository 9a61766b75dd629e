package dev.migration.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
abstract class ConnectionLock extends HeldLock {

	private static final Logger log = LoggerFactory.getLogger(ConnectionLock.class);

	final Connection connection;

	ConnectionLock(Connection connection, String description) {
		super(description);
		this.connection = connection;
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
	@Override
	abstract void release() throws SQLException;

	@Override
	void letGo() {
		closeQuietly(this.connection);
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
