package dev.migration.tenant;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/**
 * A DataSource that hands out at most {@code permits} open connections at a time (the
 * rest wait), and counts the peak: how a multi-schema run keeps
 * {@code migration.parallelism} whatever the underlying pool allows.
 */
final class BoundedDataSource extends WrappingDataSource {

	private final Semaphore permits;

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger peak = new AtomicInteger();

	BoundedDataSource(DataSource target, int permits) {
		super(target);
		this.permits = new Semaphore(permits, true);
	}

	/** The most connections open at once so far. */
	int peak() {
		return this.peak.get();
	}

	@Override
	public Connection getConnection() throws SQLException {
		return wrap(() -> this.target.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return wrap(() -> this.target.getConnection(username, password));
	}

	private interface Opener {

		Connection open() throws SQLException;

	}

	private Connection wrap(Opener opener) throws SQLException {
		try {
			this.permits.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SQLException("Interrupted while waiting for a connection", ex);
		}
		Connection connection;
		try {
			connection = opener.open();
		}
		catch (SQLException | RuntimeException ex) {
			this.permits.release();
			throw ex;
		}
		this.peak.accumulateAndGet(this.open.incrementAndGet(), Math::max);
		return closingWith(connection, (raw) -> {
			try {
				raw.close();
			}
			finally {
				this.open.decrementAndGet();
				this.permits.release();
			}
		});
	}

}
