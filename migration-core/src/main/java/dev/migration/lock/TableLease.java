package dev.migration.lock;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.LockLostException;
import dev.migration.LockTimeoutException;
import dev.migration.MigrationException;
import dev.migration.sql.Dialect;

/**
 * A lease row in a lock table: works wherever the version table works, including through
 * a transaction-pooling PgBouncer and on a Galera cluster, where session locks exclude
 * nothing. Only the database's own conflict detection decides who gets it: a plain
 * {@code INSERT} of the row (the primary key refuses a second one) or an {@code UPDATE}
 * conditional on the token last seen and on the lease having expired, so two takers of an
 * expired lease cannot both match. A heartbeat renews the lease every third of it; a
 * killed holder stops renewing and the lease expires. Each holder gets a fresh token, and
 * every version-table write first renews the lease by that token in the same transaction
 * ({@link #fence}): a holder that stalled past its lease and lost the row to another run
 * fails there and rolls the step back. Times are the database's clock (for H2 and SQLite,
 * which run in or beside this process, the local clock), in epoch milliseconds so that
 * the table is the same on every database. Nothing is held in a transaction between
 * statements, so {@code CREATE INDEX CONCURRENTLY} waits for none of this.
 */
final class TableLease implements MigrationLock {

	private static final Logger log = LoggerFactory.getLogger(TableLease.class);

	private final DataSource dataSource;

	private final Dialect dialect;

	private final String table;

	private final String scope;

	private final String token;

	private final long leaseMillis;

	private final String description;

	/** On Galera: keeps renewals out of the session's transactions; else {@code null}. */
	private final @Nullable TransactionGate gate;

	private final ScheduledExecutorService heartbeat;

	/** The database's clock at {@link #syncedAt} (System.nanoTime), to estimate it. */
	private volatile long dbMillis;

	private volatile long syncedAt;

	private volatile boolean lost;

	private TableLease(DataSource dataSource, Dialect dialect, String table, String scope, String token,
			long leaseMillis, long dbMillis, long syncedAt, @Nullable TransactionGate gate) {
		this.dataSource = dataSource;
		this.dialect = dialect;
		this.table = table;
		this.scope = scope;
		this.token = token;
		this.leaseMillis = leaseMillis;
		this.dbMillis = dbMillis;
		this.syncedAt = syncedAt;
		this.gate = gate;
		this.description = "lease on " + table + " for " + scope;
		this.heartbeat = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "migration-lease-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		long every = Math.max(100, leaseMillis / 3);
		this.heartbeat.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
	}

	/**
	 * Take the lease, creating the table (and schema) first if needed.
	 * @param request what to lock and how
	 * @param gate entered by the migrating session around its transactions: on Galera the
	 * heartbeat renews only outside them, because its write (possibly on another node)
	 * would fail the certification of a transaction that fenced
	 * @return the held lease
	 */
	static TableLease acquire(LockRequest request, TransactionGate gate) {
		String table = request.lockTable();
		String description = "lease on " + table + " for " + request.scope();
		long deadline = System.nanoTime() + request.timeout().toNanos();
		String token = UUID.randomUUID().toString();
		Owner owner = Owner.current();
		String[] holder = new String[1];
		long[] synced = new long[2];
		try (Connection connection = request.dataSource().getConnection()) {
			connection.setAutoCommit(true);
			ensureTable(connection, request);
			Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
			boolean taken = Polling.poll(() -> {
				long now = now(connection, request.dialect());
				synced[0] = now;
				synced[1] = System.nanoTime();
				return tryTake(connection, request, token, owner, now, holder);
			}, left, description, () -> holder[0]);
			if (!taken) {
				throw new LockTimeoutException(description, request.timeout(), holder[0]);
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Cannot take the migration lock (" + description + "): " + ex.getMessage()
					+ ". Check that the user may create and write " + table, ex);
		}
		log.debug("Took {} (token {})", description, token);
		return new TableLease(request.dataSource(), request.dialect(), table, request.scope(), token,
				request.lease().toMillis(), synced[0], synced[1], request.galera() ? gate : null);
	}

	private static void ensureTable(Connection connection, LockRequest request) throws SQLException {
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

	static java.util.List<String> createStatements(LockRequest request) {
		java.util.List<String> statements = new java.util.ArrayList<>();
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
	 */
	private static boolean tryTake(Connection connection, LockRequest request, String token, Owner owner, long now,
			String[] holder) throws SQLException {
		String table = request.lockTable();
		Row row = read(connection, table, request.scope());
		try {
			if (row == null) {
				try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
						+ " (lock_scope, token, owner_host, owner_pid, owner_application, acquired_at, renewed_at, "
						+ "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
					insert.setString(1, request.scope());
					insert.setString(2, token);
					insert.setString(3, owner.host());
					insert.setLong(4, owner.pid());
					insert.setString(5, owner.application());
					insert.setLong(6, now);
					insert.setLong(7, now);
					insert.setLong(8, now + request.lease().toMillis());
					return insert.executeUpdate() == 1;
				}
			}
			if (row.expiresAt() > now) {
				holder[0] = row.describe(now);
				return false;
			}
			try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
					+ " SET token = ?, owner_host = ?, owner_pid = ?, owner_application = ?, acquired_at = ?, "
					+ "renewed_at = ?, expires_at = ? WHERE lock_scope = ? AND token = ? AND expires_at <= ?")) {
				update.setString(1, token);
				update.setString(2, owner.host());
				update.setLong(3, owner.pid());
				update.setString(4, owner.application());
				update.setLong(5, now);
				update.setLong(6, now);
				update.setLong(7, now + request.lease().toMillis());
				update.setString(8, request.scope());
				update.setString(9, row.token());
				update.setLong(10, now);
				boolean taken = update.executeUpdate() == 1;
				if (taken && row.expiresAt() > 0) {
					log.warn("Took over the expired {} from {}", "lease on " + table + " for " + request.scope(),
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

	private static @Nullable Row read(Connection connection, String table, String scope) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement("SELECT token, owner_host, owner_pid, "
				+ "owner_application, acquired_at, expires_at FROM " + table + " WHERE lock_scope = ?")) {
			select.setString(1, scope);
			try (ResultSet rs = select.executeQuery()) {
				if (!rs.next()) {
					return null;
				}
				return new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
						rs.getLong(6));
			}
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

	/** The database's clock, estimated from the last reading. */
	private long estimatedNow() {
		return this.dbMillis + (System.nanoTime() - this.syncedAt) / 1_000_000;
	}

	private void renew() {
		TransactionGate gate = this.gate;
		if (this.lost || (gate != null && !gate.tryHold(this.leaseMillis / 3))) {
			// a transaction of the session stayed open: its fencing write renews the
			// lease when it commits
			return;
		}
		try {
			renewNow();
		}
		finally {
			if (gate != null) {
				gate.release();
			}
		}
	}

	private void renewNow() {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			long now = now(connection, this.dialect);
			this.dbMillis = now;
			this.syncedAt = System.nanoTime();
			int[] extended = new int[1];
			Row row = causally(connection, () -> {
				extended[0] = extend(connection, now);
				return (extended[0] == 0) ? read(connection, this.table, this.scope) : null;
			});
			if (extended[0] == 0) {
				// causal: this node had applied every write the cluster committed before,
				// so no match means another token, not a node lagging behind
				this.lost = true;
				log.error("The {} was taken over by {}; this run fails before its next version-table write",
						this.description, (row != null) ? row.describe(now) : "nobody (the row is gone)");
			}
		}
		catch (SQLException | RuntimeException ex) {
			log.warn("Could not renew the {}: {} (trying again in {} ms)", this.description, ex.getMessage(),
					this.leaseMillis / 3);
		}
	}

	private int extend(Connection connection, long now) throws SQLException {
		try (PreparedStatement update = connection.prepareStatement(
				"UPDATE " + this.table + " SET renewed_at = ?, expires_at = ? WHERE lock_scope = ? AND token = ?")) {
			update.setLong(1, now);
			update.setLong(2, now + this.leaseMillis);
			update.setString(3, this.scope);
			update.setString(4, this.token);
			return update.executeUpdate();
		}
	}

	/**
	 * On Galera, run with {@code wsrep_sync_wait} on: the node first applies every write
	 * the cluster committed before, such as the heartbeat's renewal from another node.
	 * Otherwise that write, applied later, would abort this transaction, or a lagging
	 * node would show an old token. Elsewhere, just run.
	 */
	private <T> T causally(Connection connection, SqlCall<T> call) throws SQLException {
		if (this.gate == null) {
			return call.call();
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET @migration_sync_wait = @@SESSION.wsrep_sync_wait, "
					+ "SESSION wsrep_sync_wait = @@SESSION.wsrep_sync_wait | 7");
		}
		try {
			return call.call();
		}
		finally {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET SESSION wsrep_sync_wait = @migration_sync_wait");
			}
		}
	}

	/** A database call. */
	@FunctionalInterface
	private interface SqlCall<T> {

		T call() throws SQLException;

	}

	@Override
	public void fence(Connection connection, String versionTable) throws SQLException {
		long now = estimatedNow();
		int count = causally(connection, () -> extend(connection, now));
		if (count == 0) {
			this.lost = true;
			Row row = read(connection, this.table, this.scope);
			throw new LockLostException(versionTable, this.description, (row != null) ? row.describe(now) : null);
		}
	}

	@Override
	public boolean fences() {
		return true;
	}

	/** Whether the heartbeat found the lease taken over. */
	boolean isLost() {
		return this.lost;
	}

	@Override
	public String description() {
		return this.description;
	}

	/** Stop renewing without releasing: what a killed process leaves behind. */
	void abandon() {
		this.heartbeat.shutdownNow();
	}

	@Override
	public void close() {
		this.heartbeat.shutdownNow();
		try {
			this.heartbeat.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			try (PreparedStatement release = connection
				.prepareStatement("UPDATE " + this.table + " SET expires_at = 0 WHERE lock_scope = ? AND token = ?")) {
				release.setString(1, this.scope);
				release.setString(2, this.token);
				release.executeUpdate();
			}
		}
		catch (SQLException ex) {
			// the lease expires on its own at the latest
			log.warn("Could not release the {}: {}; it expires within {} ms", this.description, ex.getMessage(),
					this.leaseMillis);
		}
	}

	/** Who runs this process, for the row and for other runs' messages. */
	record Owner(String host, long pid, String application) {

		static Owner current() {
			String host;
			try {
				host = InetAddress.getLocalHost().getHostName();
			}
			catch (java.io.IOException ex) {
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
