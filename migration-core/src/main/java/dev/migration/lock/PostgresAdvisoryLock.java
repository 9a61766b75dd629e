package dev.migration.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.migration.LockTimeoutException;

/** A PostgreSQL session advisory lock on a dedicated connection. */
final class PostgresAdvisoryLock extends ConnectionLock {

	private final long key;

	private final @Nullable String previousApplicationName;

	private PostgresAdvisoryLock(Connection connection, long key, String description,
			@Nullable String previousApplicationName) {
		super(connection, description);
		this.key = key;
		this.previousApplicationName = previousApplicationName;
	}

	static MigrationLock acquire(DataSource dataSource, String scope, Duration timeout) {
		long key = Polling.key(scope);
		String description = "PostgreSQL advisory lock " + key + " for " + scope;
		return acquire(dataSource, description, (connection) -> {
			String previous = setApplicationName(connection, Polling.APPLICATION_NAME);
			if (Polling.poll(() -> tryLock(connection, key), timeout, description, () -> holder(connection, key))) {
				return new PostgresAdvisoryLock(connection, key, description, previous);
			}
			String holder = holder(connection, key);
			setApplicationName(connection, previous);
			throw new LockTimeoutException(description, timeout, holder);
		});
	}

	private static boolean tryLock(Connection connection, long key) throws SQLException {
		return ask(connection, "SELECT pg_try_advisory_lock(?)", key);
	}

	private static @Nullable String setApplicationName(Connection connection, @Nullable String name) {
		try {
			String previous = connection.getClientInfo("ApplicationName");
			connection.setClientInfo("ApplicationName", (name != null) ? name : "");
			return previous;
		}
		catch (SQLException ex) {
			return null;
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
	void release() throws SQLException {
		run("SELECT pg_advisory_unlock(?)", this.key);
		setApplicationName(this.connection, this.previousApplicationName);
	}

}
