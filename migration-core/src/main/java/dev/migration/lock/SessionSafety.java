package dev.migration.lock;

import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.jspecify.annotations.Nullable;

import dev.migration.sql.Dialect;

/**
 * Whether a session lock excludes other runs on this database, for
 * {@code migration.lock=auto}. A session lock is unsafe where the session is not one
 * server connection (a transaction-pooling PgBouncer hands each transaction to any server
 * connection) or where the lock is local to one of several servers (Galera's
 * {@code GET_LOCK} is per node).
 * <p>
 * On PostgreSQL the session lock is kept only where the connection is proven to be a
 * direct session: the server process that answers the connection's statements is the one
 * that identified itself when the connection logged in. PostgreSQL sends its own process
 * id in the login's {@code BackendKeyData} message; a pooler cannot pass on one server
 * process's key while it hands the client's transactions to several server processes (a
 * cancel request carrying that key would reach the wrong process), so PgBouncer, PgDog,
 * Odyssey and Supavisor make up a key of their own. The comparison does not depend on
 * timing or on what other clients of the pooler do, so it gives the same answer however
 * many instances start at once. Where it cannot be made (a driver other than pgjdbc does
 * not tell the login's process id) the table lock is chosen.
 */
final class SessionSafety {

	static final String POOLER = "a connection pooler such as PgBouncer";

	private SessionSafety() {
	}

	/**
	 * Why a session lock is unsafe here, or {@code null} when it is safe.
	 * @param session the migrating session's connection, in auto-commit
	 * @param dialect the dialect
	 * @return the reason, for the log
	 */
	static @Nullable String unsafeBecause(Connection session, Dialect dialect) {
		return switch (dialect) {
			case POSTGRESQL -> notDirect(session);
			case MYSQL -> galeraOrUnknown(session);
			case H2, SQLITE -> null;
		};
	}

	private static @Nullable String galeraOrUnknown(Connection session) {
		try {
			return galera(session) ? "the server is a Galera cluster node (wsrep_on = ON)" : null;
		}
		catch (SQLException ex) {
			// MySQL and MariaDB both answer SHOW VARIABLES; a server that cannot is no
			// Galera node
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
	 * Why the connection is not proven to be a direct PostgreSQL session, or {@code null}
	 * when it is: the login's process id equals {@code pg_backend_pid()}, asked in two
	 * transactions (auto-commit), so that a pooler which passed one server's key on would
	 * also have to keep the client on that server.
	 */
	static @Nullable String notDirect(Connection session) {
		Integer login;
		try {
			login = loginProcessId(session);
		}
		catch (ReflectiveOperationException | SQLException | RuntimeException ex) {
			return "the driver does not tell which PostgreSQL server process the connection logged in to ("
					+ ex.getClass().getSimpleName() + "), so it cannot be proven to be a direct session";
		}
		if (login == null) {
			return "the connection does not come from the PostgreSQL JDBC driver (pgjdbc), so it cannot be proven to "
					+ "be a direct session";
		}
		try {
			for (int transaction = 0; transaction < 2; transaction++) {
				int serving = backendPid(session);
				if (serving != login) {
					return "the connection logged in with process id " + Integer.toUnsignedString(login)
							+ " but its statements run in PostgreSQL server process " + serving + " (" + POOLER
							+ " is in between)";
				}
			}
		}
		catch (SQLException ex) {
			return "pg_backend_pid() failed (" + ex.getMessage() + "), so the connection cannot be proven to be a "
					+ "direct session";
		}
		return null;
	}

	/**
	 * The process id the server sent in {@code BackendKeyData} at login, as pgjdbc's
	 * {@code PGConnection.getBackendPID()} tells it; {@code null} when the connection
	 * does not wrap a pgjdbc connection. pgjdbc is not a compile-time dependency of the
	 * engine, hence reflection.
	 */
	static @Nullable Integer loginProcessId(Connection session) throws ReflectiveOperationException, SQLException {
		Class<?> pgConnection = pgConnectionClass(session);
		if (pgConnection == null || !session.isWrapperFor(pgConnection)) {
			return null;
		}
		Object unwrapped = session.unwrap(pgConnection);
		try {
			return (Integer) pgConnection.getMethod("getBackendPID").invoke(unwrapped);
		}
		catch (InvocationTargetException ex) {
			if (ex.getCause() instanceof SQLException sql) {
				throw sql;
			}
			throw ex;
		}
	}

	private static @Nullable Class<?> pgConnectionClass(Connection session) {
		ClassLoader[] loaders = { session.getClass().getClassLoader(), Thread.currentThread().getContextClassLoader(),
				SessionSafety.class.getClassLoader() };
		for (ClassLoader loader : loaders) {
			if (loader == null) {
				continue;
			}
			try {
				return Class.forName("org.postgresql.PGConnection", false, loader);
			}
			catch (ClassNotFoundException | LinkageError ex) {
				// try the next loader
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
