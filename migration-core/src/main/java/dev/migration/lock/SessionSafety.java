package dev.migration.lock;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.migration.sql.Dialect;

/**
 * Whether a session lock excludes other runs on this database, for
 * {@code migration.lock=auto}. A session lock is unsafe where the session is not one
 * server connection (a transaction-pooling PgBouncer hands each transaction to any server
 * connection) or where the lock is local to one of several servers (Galera's
 * {@code GET_LOCK} is per node).
 */
final class SessionSafety {

	private SessionSafety() {
	}

	/**
	 * Why a session lock is unsafe here, or {@code null} when it is safe.
	 * @param session the migrating session's connection, in auto-commit
	 * @param dataSource where a second connection comes from (PostgreSQL probe)
	 * @param dialect the dialect
	 * @return the reason, for the log
	 */
	static @Nullable String unsafeBecause(Connection session, DataSource dataSource, Dialect dialect) {
		try {
			return switch (dialect) {
				case POSTGRESQL -> pooled(session, dataSource);
				case MYSQL -> galera(session) ? "the server is a Galera cluster node (wsrep_on = ON)" : null;
				case H2, SQLITE -> null;
			};
		}
		catch (SQLException ex) {
			// a probe that cannot run says nothing: the user can still choose table
			return null;
		}
	}

	static boolean galera(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SHOW VARIABLES LIKE 'wsrep_on'")) {
			return rs.next() && "ON".equalsIgnoreCase(rs.getString(2));
		}
	}

	/**
	 * Transaction pooling shows as a connection whose server process changes between
	 * transactions, or as a server process that another connection's transaction gets
	 * while this connection is idle. A direct connection never shows either. The other
	 * connection's transaction is opened right after this connection's statement ended,
	 * so a pooler that hands out the most recently used server connection (PgBouncer's
	 * default) gives it this connection's server process.
	 */
	private static final int POOLING_ATTEMPTS = 8;

	private static @Nullable String pooled(Connection session, DataSource dataSource) throws SQLException {
		// each attempt can miss while other clients of the pooler take the freed server
		// process first (several instances starting at once); a direct connection answers
		// the same every time, so more attempts only cost a few round trips there
		for (int attempt = 0; attempt < POOLING_ATTEMPTS; attempt++) {
			int first = backendPid(session);
			try (Connection other = dataSource.getConnection()) {
				other.setAutoCommit(false);
				try {
					int others = backendPid(other);
					if (others == first) {
						return "two connections share PostgreSQL server process " + first
								+ " (a pooler in transaction mode, such as PgBouncer)";
					}
					int second = backendPid(session);
					if (second != first) {
						return "the connection's PostgreSQL server process changed from " + first + " to " + second
								+ " between transactions (a pooler in transaction mode, such as PgBouncer)";
					}
				}
				finally {
					other.rollback();
				}
			}
		}
		return null;
	}

	private static int backendPid(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
			rs.next();
			return rs.getInt(1);
		}
	}

}
