package dev.migration.lock;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.sql.Dialect;

/**
 * The statements on one scope's row of the lock table: create the table, take the row
 * (insert, or take over an expired lease conditional on the token read), read it, extend
 * it by token and release it. {@link TableLease} decides when; this class only talks to
 * the table, one auto-committed statement at a time.
 *
 * @param table the lock table, schema-qualified
 * @param scope the scope whose row this is
 */
record LeaseTable(String table, String scope) {

	private static final Logger log = LoggerFactory.getLogger(LeaseTable.class);

	/** Create the table (and schema) unless it exists; tolerates a concurrent creator. */
	static void ensure(Connection connection, LockRequest request) throws SQLException {
		if (exists(connection, request.lockTable())) {
			return;
		}
		SQLException failure = null;
		for (String sql : createStatements(request)) {
			try (Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException ex) {
				// another process creating the same table at the same moment
				failure = ex;
			}
		}
		if (failure != null && !exists(connection, request.lockTable())) {
			throw failure;
		}
	}

	static List<String> createStatements(LockRequest request) {
		List<String> statements = new ArrayList<>();
		if (request.schema() != null && request.dialect() != Dialect.SQLITE) {
			statements.add(((request.dialect() == Dialect.MYSQL) ? "CREATE DATABASE IF NOT EXISTS "
					: "CREATE SCHEMA IF NOT EXISTS ") + request.schema());
		}
		statements.add("CREATE TABLE IF NOT EXISTS " + request.lockTable()
				+ " (lock_scope VARCHAR(255) NOT NULL PRIMARY KEY, token VARCHAR(64) NOT NULL, "
				+ "owner_host VARCHAR(255), owner_pid BIGINT, owner_application VARCHAR(255), "
				+ "acquired_at BIGINT NOT NULL, renewed_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)");
		return statements;
	}

	private static boolean exists(Connection connection, String table) {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0")) {
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/**
	 * One try: insert the row, or take it over when its lease has expired (or was
	 * released), conditional on the token read, so only one taker can match.
	 * @param holder receives the description of the current holder when it is not taken
	 */
	boolean tryTake(Connection connection, String token, Owner owner, long now, long leaseMillis, String[] holder)
			throws SQLException {
		Row row = read(connection);
		try {
			if (row == null) {
				try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + this.table
						+ " (token, owner_host, owner_pid, owner_application, acquired_at, renewed_at, expires_at,"
						+ " lock_scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
					bindHolder(insert, token, owner, now, leaseMillis);
					insert.setString(8, this.scope);
					return insert.executeUpdate() == 1;
				}
			}
			if (row.expiresAt() > now) {
				holder[0] = row.describe(now);
				return false;
			}
			try (PreparedStatement update = connection.prepareStatement("UPDATE " + this.table
					+ " SET token = ?, owner_host = ?, owner_pid = ?, owner_application = ?, acquired_at = ?, "
					+ "renewed_at = ?, expires_at = ? WHERE lock_scope = ? AND token = ? AND expires_at <= ?")) {
				bindHolder(update, token, owner, now, leaseMillis);
				update.setString(8, this.scope);
				update.setString(9, row.token());
				update.setLong(10, now);
				boolean taken = update.executeUpdate() == 1;
				if (taken && row.expiresAt() > 0) {
					log.warn("Took over the expired {} from {}", "lease on " + this.table + " for " + this.scope,
							row.describe(now));
				}
				return taken;
			}
		}
		catch (SQLException ex) {
			if (isConflict(ex)) {
				// another taker won: a duplicate key, or on Galera a certification
				// failure
				return false;
			}
			throw ex;
		}
	}

	/** Parameters 1 to 7 of a take: token, owner, acquired, renewed and expiry. */
	private static void bindHolder(PreparedStatement statement, String token, Owner owner, long now, long leaseMillis)
			throws SQLException {
		statement.setString(1, token);
		statement.setString(2, owner.host());
		statement.setLong(3, owner.pid());
		statement.setString(4, owner.application());
		statement.setLong(5, now);
		statement.setLong(6, now);
		statement.setLong(7, now + leaseMillis);
	}

	static boolean isConflict(SQLException ex) {
		String state = ex.getSQLState();
		if (state != null && (state.startsWith("23") || state.equals("40001") || state.equals("40P01"))) {
			return true;
		}
		if (ex.getErrorCode() == 1213 || ex.getErrorCode() == 1062) {
			return true;
		}
		String message = String.valueOf(ex.getMessage());
		return message.contains("SQLITE_CONSTRAINT") || message.contains("SQLITE_BUSY") || message.contains("Deadlock");
	}

	@Nullable Row read(Connection connection) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement("SELECT token, owner_host, owner_pid, "
				+ "owner_application, acquired_at, expires_at FROM " + this.table + " WHERE lock_scope = ?")) {
			select.setString(1, this.scope);
			try (ResultSet rs = select.executeQuery()) {
				if (!rs.next()) {
					return null;
				}
				return new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
						rs.getLong(6));
			}
		}
	}

	/** Renew the lease held by the token; 0 when another token holds the row. */
	int extend(Connection connection, String token, long now, long leaseMillis) throws SQLException {
		try (PreparedStatement update = connection.prepareStatement(
				"UPDATE " + this.table + " SET renewed_at = ?, expires_at = ? WHERE lock_scope = ? AND token = ?")) {
			update.setLong(1, now);
			update.setLong(2, now + leaseMillis);
			update.setString(3, this.scope);
			update.setString(4, token);
			return update.executeUpdate();
		}
	}

	/** Mark the lease held by the token released (expired at 0). */
	void release(Connection connection, String token) throws SQLException {
		try (PreparedStatement release = connection
			.prepareStatement("UPDATE " + this.table + " SET expires_at = 0 WHERE lock_scope = ? AND token = ?")) {
			release.setString(1, this.scope);
			release.setString(2, token);
			release.executeUpdate();
		}
	}

	/** The database's clock in epoch milliseconds. */
	static long now(Connection connection, Dialect dialect) throws SQLException {
		String sql = switch (dialect) {
			case POSTGRESQL -> "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";
			case MYSQL -> "SELECT CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED)";
			case H2, SQLITE -> null;
		};
		if (sql == null) {
			return System.currentTimeMillis();
		}
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Who runs this process, for the row and for other runs' messages. */
	record Owner(String host, long pid, String application) {

		static Owner current() {
			String host;
			try {
				host = InetAddress.getLocalHost().getHostName();
			}
			catch (IOException ex) {
				host = "unknown host";
			}
			String command = System.getProperty("sun.java.command", "");
			String application = command.isBlank() ? "java" : command.strip().split("\\s+")[0];
			return new Owner(truncate(host), ManagementFactory.getRuntimeMXBean().getPid(), truncate(application));
		}

		private static String truncate(String value) {
			return (value.length() <= 255) ? value : value.substring(0, 255);
		}

	}

	/** The lease row as read. */
	record Row(String token, @Nullable String host, long pid, @Nullable String application, long acquiredAt,
			long expiresAt) {

		String describe(long now) {
			String state = (this.expiresAt == 0) ? "released"
					: (this.expiresAt > now) ? "lease expires in " + (this.expiresAt - now) + " ms"
							: "lease expired " + (now - this.expiresAt) + " ms ago";
			return "process " + this.pid + " on " + this.host + " (" + this.application + ", since "
					+ Instant.ofEpochMilli(this.acquiredAt) + ", " + state + ")";
		}

	}

}
