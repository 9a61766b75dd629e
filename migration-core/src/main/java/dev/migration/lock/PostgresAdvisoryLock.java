package dev.migration.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.migration.LockTimeoutException;

/**
 * A PostgreSQL session advisory lock on the migrating session's connection. While it is
 * held the session's {@code application_name} is {@value Polling#APPLICATION_NAME}, so
 * that a waiting run names it; a name the lock changed comes back on release (the
 * migrating session names itself before it locks and restores its name when it ends, so
 * the lock then changes nothing).
 */
final class PostgresAdvisoryLock extends ConnectionLock {

	private final long key;

	/**
	 * The name to give the session back, {@code null} when the lock did not rename it.
	 */
	private final @Nullable String previousApplicationName;

	private PostgresAdvisoryLock(Connection connection, long key, String description,
			@Nullable String previousApplicationName) {
		super(connection, description);
		this.key = key;
		this.previousApplicationName = previousApplicationName;
	}

	static MigrationLock acquire(Connection session, String scope, Duration timeout) {
		long key = Polling.key(scope);
		String description = "PostgreSQL advisory lock " + key + " for " + scope;
		return acquire(session, description, (connection) -> {
			String previous = nameSession(connection);
			boolean taken = false;
			try {
				taken = Polling.poll(() -> tryLock(connection, key), timeout, description,
						() -> holder(connection, key));
				if (!taken) {
					throw new LockTimeoutException(description, timeout, holder(connection, key));
				}
				return new PostgresAdvisoryLock(connection, key, description, previous);
			}
			finally {
				if (!taken) {
					restoreName(connection, previous);
				}
			}
		});
	}

	private static boolean tryLock(Connection connection, long key) throws SQLException {
		return ask(connection, "SELECT pg_try_advisory_lock(?)", key);
	}

	/**
	 * Name the session {@value Polling#APPLICATION_NAME} unless it has that name already
	 * (the migrating session names itself before it locks).
	 * @return the name to restore, {@code null} when nothing was changed
	 */
	private static @Nullable String nameSession(Connection connection) {
		try {
			String previous = connection.getClientInfo("ApplicationName");
			if (Polling.APPLICATION_NAME.equals(previous)) {
				return null;
			}
			connection.setClientInfo("ApplicationName", Polling.APPLICATION_NAME);
			return (previous != null) ? previous : "";
		}
		catch (SQLException ex) {
			// a name for DBAs only
			return null;
		}
	}

	private static void restoreName(Connection connection, @Nullable String previous) {
		if (previous == null) {
			return;
		}
		try {
			connection.setClientInfo("ApplicationName", previous);
		}
		catch (SQLException ex) {
			// a name for DBAs only
		}
	}

	/** Who holds the lock, from pg_locks and pg_stat_activity. */
	static @Nullable String holder(Connection connection, long key) {
		String sql = "SELECT a.pid, a.application_name, a.usename, a.client_addr, a.backend_start, a.state "
				+ "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' "
				+ "AND l.granted AND l.objsubid = 1 AND l.classid::bigint = ? AND l.objid::bigint = ? "
				+ "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, key >>> 32);
			statement.setLong(2, key & 0xffffffffL);
			try (ResultSet rs = statement.executeQuery()) {
				if (!rs.next()) {
					return null;
				}
				String client = rs.getString("client_addr");
				return "PostgreSQL session pid " + rs.getInt("pid") + " (application_name '"
						+ rs.getString("application_name") + "', user " + rs.getString("usename") + ", client "
						+ ((client != null) ? client : "local socket") + ", connected since "
						+ rs.getTimestamp("backend_start").toInstant() + ", state " + rs.getString("state")
						+ "; to end it: SELECT pg_terminate_backend(" + rs.getInt("pid") + "))";
			}
		}
		catch (SQLException ex) {
			return null;
		}
	}

	@Override
	void unlock() throws SQLException {
		run("SELECT pg_advisory_unlock(?)", this.key);
		restoreName(this.connection, this.previousApplicationName);
	}

}
