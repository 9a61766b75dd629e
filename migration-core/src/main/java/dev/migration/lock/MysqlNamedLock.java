package dev.migration.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.LockTimeoutException;
import dev.migration.MigrationException;

/** A MariaDB/MySQL named lock ({@code GET_LOCK}) on a dedicated connection. */
final class MysqlNamedLock implements MigrationLock {

	private static final Logger log = LoggerFactory.getLogger(MysqlNamedLock.class);

	/** MySQL limits lock names to 64 characters. */
	private static final int MAX_NAME_LENGTH = 64;

	private final Connection connection;

	private final String name;

	private final String description;

	private MysqlNamedLock(Connection connection, String name, String description) {
		this.connection = connection;
		this.name = name;
		this.description = description;
	}

	static String lockName(String scope) {
		String name = "migration:" + scope;
		return (name.length() <= MAX_NAME_LENGTH) ? name : "migration:" + Long.toHexString(Polling.key(scope));
	}

	static MigrationLock acquire(DataSource dataSource, String scope, Duration timeout) {
		String name = lockName(scope);
		String description = "MariaDB/MySQL named lock '" + name + "'";
		Connection connection = null;
		try {
			connection = dataSource.getConnection();
			connection.setAutoCommit(true);
			Connection lockConnection = connection;
			if (Polling.poll(() -> tryLock(lockConnection, name), timeout, description)) {
				return new MysqlNamedLock(connection, name, description);
			}
			throw new LockTimeoutException(description, timeout, holder(connection, name));
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

	private static boolean tryLock(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
			statement.setString(1, name);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && rs.getInt(1) == 1;
			}
		}
	}

	static @Nullable String holder(Connection connection, String name) {
		try (PreparedStatement used = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
			used.setString(1, name);
			long id;
			try (ResultSet rs = used.executeQuery()) {
				if (!rs.next()) {
					return null;
				}
				id = rs.getLong(1);
				if (rs.wasNull()) {
					return null;
				}
			}
			try (PreparedStatement process = connection
				.prepareStatement("SELECT USER, HOST, DB, TIME FROM information_schema.PROCESSLIST WHERE ID = ?")) {
				process.setLong(1, id);
				try (ResultSet rs = process.executeQuery()) {
					if (!rs.next()) {
						return "MariaDB/MySQL connection " + id + " (to end it: KILL " + id + ")";
					}
					return "MariaDB/MySQL connection " + id + " (user " + rs.getString("USER") + ", host "
							+ rs.getString("HOST") + ", database " + rs.getString("DB") + ", in its current state for "
							+ rs.getLong("TIME") + "s; to end it: KILL " + id + ")";
				}
			}
		}
		catch (SQLException ex) {
			return null;
		}
	}

	@Override
	public String description() {
		return this.description;
	}

	@Override
	public void close() {
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
			statement.setString(1, this.name);
			statement.execute();
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
