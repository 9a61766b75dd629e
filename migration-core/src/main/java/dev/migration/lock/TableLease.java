package dev.migration.lock;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
import dev.migration.lock.LeaseTable.Owner;
import dev.migration.lock.LeaseTable.Row;
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

	private final LeaseTable rows;

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

	private TableLease(DataSource dataSource, Dialect dialect, LeaseTable rows, String description, String token,
			long leaseMillis, long dbMillis, long syncedAt, @Nullable TransactionGate gate) {
		this.dataSource = dataSource;
		this.dialect = dialect;
		this.rows = rows;
		this.token = token;
		this.leaseMillis = leaseMillis;
		this.dbMillis = dbMillis;
		this.syncedAt = syncedAt;
		this.gate = gate;
		this.description = description;
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
		LeaseTable rows = new LeaseTable(table, request.scope());
		String[] holder = new String[1];
		long[] synced = new long[2];
		try (Connection connection = request.dataSource().getConnection()) {
			connection.setAutoCommit(true);
			LeaseTable.ensure(connection, request);
			Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
			boolean taken = Polling.poll(() -> {
				long now = LeaseTable.now(connection, request.dialect());
				synced[0] = now;
				synced[1] = System.nanoTime();
				return rows.tryTake(connection, token, owner, now, request.lease().toMillis(), holder);
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
		return new TableLease(request.dataSource(), request.dialect(), rows, description, token,
				request.lease().toMillis(), synced[0], synced[1], request.galera() ? gate : null);
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
			long now = LeaseTable.now(connection, this.dialect);
			this.dbMillis = now;
			this.syncedAt = System.nanoTime();
			int[] extended = new int[1];
			Row row = causally(connection, () -> {
				extended[0] = this.rows.extend(connection, this.token, now, this.leaseMillis);
				return (extended[0] == 0) ? this.rows.read(connection) : null;
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
		int count = causally(connection, () -> this.rows.extend(connection, this.token, now, this.leaseMillis));
		if (count == 0) {
			this.lost = true;
			Row row = this.rows.read(connection);
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
			this.rows.release(connection, this.token);
		}
		catch (SQLException ex) {
			// the lease expires on its own at the latest
			log.warn("Could not release the {}: {}; it expires within {} ms", this.description, ex.getMessage(),
					this.leaseMillis);
		}
	}

}
