package dev.migration.lock;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;

import dev.migration.LockLostException;
import dev.migration.LockTimeoutException;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The lease lock on every database: exclusion, timeout from the first try, heartbeat,
 * expiry of an abandoned (killed) holder's lease, takeover and fencing.
 */
class TableLeaseTests {

	private static final String TABLE = "migration_version_lock";

	private static LockRequest request(TestDatabase db, Duration timeout, Duration lease) {
		return new LockRequest(db.dataSource(), db.dialect(), db.url(), null, TABLE, db.name() + ".migration_version",
				timeout, lease, false);
	}

	private static String pid() {
		return Long.toString(ProcessHandle.current().pid());
	}

	@EachDatabase
	void secondTakerTimesOutNamingTheHolderAndGetsTheLeaseOnceReleased(TestDatabase db) {
		String scope = db.name() + ".migration_version";
		try (TableLease first = TableLease.acquire(request(db, Duration.ZERO, Duration.ofSeconds(30)),
				new TransactionGate())) {
			LockTimeoutException ex = catchThrowableOfType(LockTimeoutException.class, () -> TableLease
				.acquire(request(db, Duration.ofMillis(300), Duration.ofSeconds(30)), new TransactionGate()));
			assertThat(ex.getLock()).isEqualTo("lease on " + TABLE + " for " + scope);
			assertThat(ex.getHolder()).startsWith("process " + pid() + " on ").contains(", lease expires in ");
			assertThat(ex.getMessage()).startsWith("Timed out after 300ms waiting for the migration lock (lease on "
					+ TABLE + " for " + scope + "); it is held by process " + pid() + " on ");
		}
		assertThat(db.query("SELECT expires_at FROM " + TABLE)).containsExactly(List.of("0"));
		try (TableLease second = TableLease.acquire(request(db, Duration.ZERO, Duration.ofSeconds(30)),
				new TransactionGate())) {
			assertThat(second.description()).isEqualTo("lease on " + TABLE + " for " + scope);
		}
	}

	@EachDatabase
	void lockTimeoutCountsFromTheFirstTry(TestDatabase db) {
		try (TableLease first = TableLease.acquire(request(db, Duration.ZERO, Duration.ofSeconds(30)),
				new TransactionGate())) {
			long start = System.nanoTime();
			catchThrowableOfType(LockTimeoutException.class, () -> TableLease
				.acquire(request(db, Duration.ofMillis(500), Duration.ofSeconds(30)), new TransactionGate()));
			long waited = (System.nanoTime() - start) / 1_000_000;
			assertThat(waited).isBetween(450L, 1500L);
		}
	}

	@EachDatabase
	void heartbeatRenewsTheLeaseBeyondItsFirstExpiry(TestDatabase db) throws Exception {
		try (TableLease first = TableLease.acquire(request(db, Duration.ZERO, Duration.ofSeconds(1)),
				new TransactionGate())) {
			long acquired = Long.parseLong(db.query("SELECT acquired_at FROM " + TABLE).get(0).get(0));
			Thread.sleep(2500);
			long renewed = Long.parseLong(db.query("SELECT renewed_at FROM " + TABLE).get(0).get(0));
			assertThat(renewed - acquired).isGreaterThanOrEqualTo(1500);
			catchThrowableOfType(LockTimeoutException.class,
					() -> TableLease.acquire(request(db, Duration.ZERO, Duration.ofSeconds(1)), new TransactionGate()));
			assertThat(first.isLost()).isFalse();
		}
	}

	@EachDatabase
	void killedHoldersLeaseExpiresAndIsTakenOverOnlyThen(TestDatabase db) {
		TableLease killed = TableLease.acquire(request(db, Duration.ZERO, Duration.ofSeconds(1)),
				new TransactionGate());
		killed.abandon();
		long start = System.nanoTime();
		try (TableLease next = TableLease.acquire(request(db, Duration.ofSeconds(10), Duration.ofSeconds(30)),
				new TransactionGate())) {
			long waited = (System.nanoTime() - start) / 1_000_000;
			assertThat(waited).isBetween(500L, 3000L);
			assertThat(next.isLost()).isFalse();
		}
	}

	@EachDatabase
	void fencingRejectsAStaleHolderInTheVersionTableTransaction(TestDatabase db) throws Exception {
		db.execute("CREATE TABLE migration_version (version_num VARCHAR(255) NOT NULL PRIMARY KEY)");
		TableLease stale = TableLease.acquire(request(db, Duration.ZERO, Duration.ofSeconds(1)), new TransactionGate());
		stale.abandon();
		try (TableLease next = TableLease.acquire(request(db, Duration.ofSeconds(10), Duration.ofSeconds(30)),
				new TransactionGate()); Connection connection = db.connect()) {
			connection.setAutoCommit(false);
			try (java.sql.Statement statement = connection.createStatement()) {
				statement.executeUpdate("INSERT INTO migration_version (version_num) VALUES ('a1')");
			}
			LockLostException ex = catchThrowableOfType(LockLostException.class,
					() -> stale.fence(connection, "migration_version"));
			connection.rollback();
			assertThat(ex.getMessage())
				.startsWith("Lost the migration lock (lease on " + TABLE + " for " + db.name()
						+ ".migration_version) before writing the version table migration_version: "
						+ "it is now held by process " + pid() + " on ")
				.endsWith(". This run stalled longer than its lease and another run took over, so the step was "
						+ "rolled back and this run stops. Check 'current' when the other run has finished, and "
						+ "raise migration.lock-lease if this process pauses for long (GC, suspended VM)");
			assertThat(db.query("SELECT version_num FROM migration_version")).isEmpty();
			next.fence(connection, "migration_version");
			connection.commit();
		}
	}

}
