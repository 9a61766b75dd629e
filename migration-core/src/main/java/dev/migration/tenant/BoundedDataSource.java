package dev.migration.tenant;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A DataSource that hands out at most {@code permits} open connections at a time (the
 * rest wait), and counts the peak: how a multi-schema run keeps
 * {@code migration.parallelism} whatever the underlying pool allows.
 */
final class BoundedDataSource implements DataSource {

	private final DataSource target;

	private final Semaphore permits;

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger peak = new AtomicInteger();

	BoundedDataSource(DataSource target, int permits) {
		this.target = target;
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
		boolean[] closed = new boolean[1];
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("close") && method.getParameterCount() == 0) {
						synchronized (closed) {
							if (closed[0]) {
								return null;
							}
							closed[0] = true;
						}
						try {
							connection.close();
						}
						finally {
							this.open.decrementAndGet();
							this.permits.release();
						}
						return null;
					}
					if (method.getName().equals("unwrap") && args != null && args[0] == Connection.class) {
						return proxy;
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.target.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.target.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.target.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.target.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.target.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		return this.target.unwrap(iface);
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) throws SQLException {
		return this.target.isWrapperFor(iface);
	}

	@Override
	public String toString() {
		return this.target.toString();
	}

}
