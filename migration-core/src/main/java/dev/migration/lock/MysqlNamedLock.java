package dev.migration.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.migration.LockTimeoutException;

/**
 * A MariaDB/MySQL named lock ({@code GET_LOCK}) on the migrating session's connection.
 */
final class MysqlNamedLock extends ConnectionLock {

	/** MySQL limits lock names to 64 characters. */
	private static final int MAX_NAME_LENGTH = 64;

	private final String name;

	private MysqlNamedLock(Connection connection, String name, String description) {
		super(connection, description);
		this.name = name;
	}

	static String lockName(String scope) {
		String name = "migration:" + scope;
		return (name.length() <= MAX_NAME_LENGTH) ? name : "migration:" + Long.toHexString(Polling.key(scope));
	}

	static MigrationLock acquire(Connection session, String scope, Duration timeout) {
		String name = lockName(scope);
		String description = "MariaDB/MySQL named lock '" + name + "'";
		return acquire(session, description, (connection) -> {
			if (Polling.poll(() -> tryLock(connection, name), timeout, description, () -> holder(connection, name))) {
				return new MysqlNamedLock(connection, name, description);
			}
			throw new LockTimeoutException(description, timeout, holder(connection, name));
		});
	}

	private static boolean tryLock(Connection connection, String name) throws SQLException {
		// 1 when taken, 0 when held elsewhere, NULL on an error
		return ask(connection, "SELECT GET_LOCK(?, 0)", name);
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
	void unlock() throws SQLException {
		run("SELECT RELEASE_LOCK(?)", this.name);
	}

}
